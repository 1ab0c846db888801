package io.agentry.website;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Which responses are read as HTML pages, and how they are parsed. A 2xx response whose
 * Content-Type is HTML, or which has none, is read up to the body cap; any other is drained up to
 * {@link #DRAIN_BYTES} and then cut off, since only its status and headers matter. A response
 * without a Content-Type counts as HTML when its first non-blank byte is {@code <}.
 */
final class Pages {
    /** How much of a body that is not analysed is read, so a short one leaves the connection reusable. */
    static final int DRAIN_BYTES = 64 * 1024;

    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    private Pages() {}

    static HttpFetcher.BodyPolicy policy(int maxBodyBytes) {
        return info -> {
            boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
            String type = Response.mediaType(info.headers());
            return success && (type == null || HTML_TYPES.contains(type))
                    ? BoundedBody.keeping(maxBodyBytes)
                    : BoundedBody.draining(DRAIN_BYTES);
        };
    }

    static boolean isHtml(Response response) {
        String type = response.mediaType();
        return type == null ? startsLikeMarkup(response.body().bytes()) : HTML_TYPES.contains(type);
    }

    private static boolean startsLikeMarkup(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    /**
     * The body as a document. The charset is the Content-Type's when it names one Java knows;
     * otherwise jsoup looks for a byte-order mark and a {@code <meta charset>}, and falls back to
     * UTF-8. A body cut at the cap parses like any other: jsoup closes what is left open.
     */
    static Document parse(Response response) {
        try {
            return Jsoup.parse(
                    new ByteArrayInputStream(response.body().bytes()),
                    charsetOf(response),
                    response.uri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("parsing a page held in memory failed", e);
        }
    }

    private static String charsetOf(Response response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String name = pair[1].strip().replace("\"", "").replace("'", "");
                try {
                    return Charset.isSupported(name) ? Charset.forName(name).name() : null;
                } catch (IllegalArgumentException unknownName) {
                    return null;
                }
            }
        }
        return null;
    }

    static String mediaTypeOrUnknown(Response response) {
        String type = response.mediaType();
        return type == null ? "no content type" : type.toLowerCase(Locale.ROOT);
    }
}
