package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Speaks HTTP to a test server, as one key (or none). */
final class ApiClient {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String key;

    ApiClient(int port, String key) {
        this.port = port;
        this.key = key;
    }

    String key() {
        return key;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String body) {
        return send("POST", path, body);
    }

    Response patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Response put(String path, String body) {
        return send("PUT", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with assertions that show the body when the status is not the one expected. */
    record Response(HttpResponse<String> http) {
        int status() {
            return http.statusCode();
        }

        String body() {
            return http.body();
        }

        JsonNode json() {
            return Json.read(http.body());
        }

        String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }

        Response expect(int status) {
            assertThat(status())
                    .as(
                            "%s %s answered %s",
                            http.request().method(), http.request().uri(), body())
                    .isEqualTo(status);
            return this;
        }

        /** An error answer: its status, code and (when given) the field it names. */
        Response expectError(int status, String code) {
            expect(status);
            assertThat(json().path("code").asText()).as(body()).isEqualTo(code);
            assertThat(json().path("error").asText()).as(body()).isNotBlank();
            return this;
        }
    }
}
