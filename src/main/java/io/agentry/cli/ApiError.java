package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;

/**
 * A request the server refused, with its answer {@code {"error", "code", "details"}}. The message
 * is for the user: the server's own words, and for a key that was refused or lacks the role,
 * what to do about it. A 400 is a bad value, like a bad flag ({@link ErrorHandler}: exit 2).
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String error;
    private final JsonNode details;

    private ApiError(int status, String error, JsonNode details, String message) {
        super(message);
        this.status = status;
        this.error = error;
        this.details = details;
    }

    /** The answer of {@code method} with {@code status} and {@code body}, which may not be JSON. */
    static ApiError of(String method, int status, String body) {
        JsonNode answer = parsed(body);
        String error = answer.path("error").isTextual()
                ? answer.path("error").asText()
                : "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviated(body));
        return new ApiError(status, error, answer.path("details"), message(method, status, error, answer));
    }

    private static String message(String method, int status, String error, JsonNode answer) {
        return switch (status) {
            case 401 -> "the server refused the key (" + error + "): check --key or AGENTRY_API_KEY";
            case 403 ->
                "the key may not do this (" + error + "): "
                        + (method.equals("GET")
                                ? "reading needs a key of an organization (the operator token has none)"
                                : "it needs an editor or admin key of the organization");
            case 429 ->
                error + " (too many failed attempts from this address"
                        + (answer.path("details").has("retry_after_seconds")
                                ? "; try again in "
                                        + answer.path("details")
                                                .path("retry_after_seconds")
                                                .asLong() + "s)"
                                : ")");
            default -> status >= 500 ? "the server failed: " + error : error;
        };
    }

    private static JsonNode parsed(String body) {
        try {
            JsonNode node = Json.read(body);
            return node == null ? Json.object() : node;
        } catch (RuntimeException notJson) {
            return Json.object();
        }
    }

    private static String abbreviated(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }

    int status() {
        return status;
    }

    /** The server's own message, as the local command says it. */
    String error() {
        return error;
    }

    /** {@code details}, or a missing node. */
    JsonNode details() {
        return details;
    }

    boolean isBadRequest() {
        return status == 400;
    }

    boolean isNotFound() {
        return status == 404;
    }
}
