package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP API of a running server, as the command line speaks to it ({@code --url}, {@code
 * --key}): JSON documents in and out. A refusal is an {@link ApiError} in the server's words; a
 * server that cannot be reached is said to be not answering, with its URL.
 */
final class RemoteApi {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String base;
    private final String key;

    /** {@code base}: the server's address, {@code http://host:port} and any path prefix, no trailing slash. */
    RemoteApi(String base, String key) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.base = base;
        this.key = key;
    }

    /** Where the server is, as the user gave it. */
    String url() {
        return base;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    /**
     * Up to {@code max} items of a list ({@code {"items", "next_cursor"}}), page after page:
     * {@code path} without its query, {@code query} its parameters other than the cursor.
     */
    List<JsonNode> list(String path, String query, int max) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + "?" + query + (cursor == null ? "" : "&cursor=" + encoded(cursor));
            JsonNode answer = get(page);
            for (JsonNode item : answer.path("items")) {
                if (items.size() < max) {
                    items.add(item);
                }
            }
            cursor = answer.path("next_cursor").isTextual()
                    ? answer.path("next_cursor").asText()
                    : null;
        } while (cursor != null && items.size() < max);
        return items;
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(ANSWER_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new IllegalStateException(
                    base + " is not answering: no connection within " + CONNECT_TIMEOUT.toSeconds() + "s", e);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException(
                    base + " did not answer " + method + " " + path + " within " + ANSWER_TIMEOUT.toSeconds() + "s", e);
        } catch (IOException e) {
            Throwable unresolved = unresolved(e);
            if (unresolved != null) {
                // Not the ConnectException around it, which would read "connection refused".
                throw new IllegalStateException(base + " is not answering: unknown host " + host(), unresolved);
            }
            throw new IllegalStateException(base + " is not answering", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + base, e);
        }
        if (response.statusCode() >= 400) {
            throw ApiError.of(method, response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? Json.object() : Json.read(response.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    base + " answered " + method + " " + path + " with something other than JSON; is it an Agentry "
                            + "server?",
                    e);
        }
    }

    /** The JDK's client says an unknown host with an {@link UnresolvedAddressException} under a ConnectException. */
    private static Throwable unresolved(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return t;
            }
        }
        return null;
    }

    private String host() {
        return URI.create(base).getHost();
    }
}
