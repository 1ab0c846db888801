package io.agentry.website;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link FixtureServer} answers to one host and path.
 *
 * @param endlessBytes when more than zero, the body is sent chunked and followed by filler until
 *     this many bytes were written or the client hung up; when {@link #STALLS}, the body is sent
 *     chunked and the connection then left silent until the server closes
 */
record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, Duration delay, long endlessBytes) {
    static final long STALLS = -1;

    static Reply page(String resource) {
        return new Reply(
                200,
                List.of(Map.entry("Content-Type", "text/html; charset=utf-8")),
                resource(resource),
                Duration.ZERO,
                0);
    }

    static Reply html(String html) {
        return text("text/html; charset=utf-8", html);
    }

    static Reply text(String contentType, String body) {
        return new Reply(
                200,
                List.of(Map.entry("Content-Type", contentType)),
                body.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO,
                0);
    }

    static Reply bytes(String contentType, byte[] body) {
        return new Reply(200, List.of(Map.entry("Content-Type", contentType)), body, Duration.ZERO, 0);
    }

    static Reply robots(String rules) {
        return text("text/plain", rules);
    }

    static Reply redirect(int status, String location) {
        return new Reply(status, List.of(Map.entry("Location", location)), new byte[0], Duration.ZERO, 0);
    }

    static Reply status(int status) {
        return new Reply(
                status,
                List.of(Map.entry("Content-Type", "text/html")),
                ("<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8),
                Duration.ZERO,
                0);
    }

    /** The page, then filler for ever (or up to {@code bytes}). */
    static Reply endless(String resource, long bytes) {
        return new Reply(
                200, List.of(Map.entry("Content-Type", "text/html")), resource(resource), Duration.ZERO, bytes);
    }

    /** The start of the page, then silence. */
    static Reply stalling(String html) {
        return new Reply(
                200,
                List.of(Map.entry("Content-Type", "text/html")),
                html.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO,
                STALLS);
    }

    Reply delayed(Duration value) {
        return new Reply(status, headers, body, value, endlessBytes);
    }

    Reply withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Reply(status, List.copyOf(more), body, delay, endlessBytes);
    }

    /** With the headers of a {@code .headers} file: one {@code Name: value} per line. */
    Reply withHeadersOf(String resource) {
        Reply reply = this;
        for (String line : new String(resource(resource), StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                reply = reply.withHeader(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return reply;
    }

    static byte[] resource(String name) {
        try (InputStream in = Reply.class.getResourceAsStream("/website/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource website/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
