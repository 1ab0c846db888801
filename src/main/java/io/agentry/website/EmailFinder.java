package io.agentry.website;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Contact addresses on a page, in this order: {@code mailto:} links; addresses hidden by
 * Cloudflare's e-mail protection (which replaces them with an XOR-encoded hex string, decoded
 * here); addresses in the page's visible text. Each address once, in lower case, at most {@link
 * #MAX_ADDRESSES}. Skipped: what only looks like an address because a file name has an {@code @}
 * in it ({@code logo@2x.png}), and the documentation placeholders {@code example.com}, {@code
 * example.org} and {@code example.net}.
 */
final class EmailFinder {
    static final int MAX_ADDRESSES = 25;

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+'-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}");
    private static final Set<String> FILE_ENDINGS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff", "css", "js", "mp4", "webm",
            "woff", "woff2");
    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("example.com", "example.org", "example.net");

    private EmailFinder() {}

    static List<String> find(Document page) {
        Set<String> found = new LinkedHashSet<>();
        for (Element link : page.select("a[href^=mailto:]")) {
            String target = link.attr("href").substring("mailto:".length());
            int query = target.indexOf('?');
            String addresses = decode(query < 0 ? target : target.substring(0, query));
            for (String address : addresses.split(",")) {
                addIfAddress(found, address.strip());
            }
        }
        for (Element protectedAddress : page.select("[data-cfemail]")) {
            addIfAddress(found, cloudflareDecode(protectedAddress.attr("data-cfemail")));
        }
        for (Element link : page.select("a[href*=/cdn-cgi/l/email-protection#]")) {
            String href = link.attr("href");
            addIfAddress(found, cloudflareDecode(href.substring(href.indexOf('#') + 1)));
        }
        Matcher matcher = ADDRESS.matcher(page.text());
        while (matcher.find()) {
            addIfAddress(found, matcher.group());
        }
        return found.stream().limit(MAX_ADDRESSES).toList();
    }

    private static void addIfAddress(Set<String> found, String candidate) {
        if (candidate == null || !ADDRESS.matcher(candidate).matches()) {
            return;
        }
        String address = candidate.toLowerCase(Locale.ROOT);
        String domain = address.substring(address.indexOf('@') + 1);
        String ending = domain.substring(domain.lastIndexOf('.') + 1);
        boolean placeholder = PLACEHOLDER_DOMAINS.stream().anyMatch(p -> domain.equals(p) || domain.endsWith("." + p));
        if (!FILE_ENDINGS.contains(ending) && !placeholder) {
            found.add(address);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }

    /** Cloudflare's scheme: the first byte is a key, every other byte XOR the key is a character. */
    static String cloudflareDecode(String hex) {
        if (hex.length() < 4 || hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
            return null;
        }
        int key = Integer.parseInt(hex.substring(0, 2), 16);
        byte[] bytes = new byte[hex.length() / 2 - 1];
        for (int i = 2; i < hex.length(); i += 2) {
            bytes[i / 2 - 1] = (byte) (Integer.parseInt(hex.substring(i, i + 2), 16) ^ key);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
