package io.agentry.website;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a website string from company data means. CRM data often gives {@code acme.co.uk} or
 * {@code www.acme.co.uk/about} without a scheme: such an address is tried with {@code https://}
 * first and, only when that finds nothing to talk to (refused, TLS failure), with {@code http://}.
 * Other schemes, addresses with user info (often an e-mail address in the website field) and
 * single-label host names other than {@code localhost} are refused.
 */
final class SiteAddress {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
    /** A scheme without slashes, as in mailto: or javascript:, but not host:port. */
    private static final Pattern OTHER_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\\d)");

    private SiteAddress() {}

    /** The URLs to try for the input, in order. */
    static List<URI> candidates(String input) throws FetchFailure {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw invalid("no URL given");
        }
        if (SCHEME.matcher(text).lookingAt()) {
            return List.of(parse(text));
        }
        if (text.startsWith("//")) {
            text = text.substring(2);
        } else if (OTHER_SCHEME.matcher(text).lookingAt()) {
            throw invalid("not an http or https URL: " + text);
        }
        return List.of(parse("https://" + text), parse("http://" + text));
    }

    /** The host the input names, lower case; the input itself when it names none. */
    static String hostOf(String input) {
        try {
            return candidates(input).get(0).getHost();
        } catch (FetchFailure e) {
            return String.valueOf(input);
        }
    }

    private static URI parse(String text) throws FetchFailure {
        int authorityStart = text.indexOf("://") + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = text.substring(authorityStart, authorityEnd);
        if (authority.contains("@")) {
            throw invalid("not a website address: " + text);
        }
        String rest = text.substring(authorityEnd);
        if (rest.isEmpty()) {
            rest = "/";
        }
        String ascii;
        try {
            ascii = IDN.toASCII(authority, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw invalid("not a valid host name: " + authority);
        }
        try {
            return normalise(new URI(text.substring(0, authorityStart) + ascii + rest));
        } catch (URISyntaxException e) {
            throw invalid("not a valid URL: " + text);
        }
    }

    /**
     * The URL as it is fetched: http or https only, a named host, scheme and host in lower case, a
     * path of at least {@code /}, no fragment.
     */
    static URI normalise(URI uri) throws FetchFailure {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw invalid("not an http or https URL: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
            throw invalid("no host name in " + uri);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!host.contains(".") && !host.contains(":") && !host.equals("localhost")) {
            throw invalid("not a public host name: " + host);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        try {
            return new URI(scheme + "://" + hostPart + (defaultPort ? "" : ":" + port) + path + query);
        } catch (URISyntaxException e) {
            throw invalid("not a valid URL: " + uri);
        }
    }

    private static FetchFailure invalid(String message) {
        return new FetchFailure(Outcome.INVALID_URL, null, null, message);
    }
}
