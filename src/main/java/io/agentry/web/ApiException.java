package io.agentry.web;

import java.util.Map;

/**
 * A request the API refuses, as the client sees it: {@code {"error", "code", "details"}} with
 * {@code status}. Handlers throw it, or a feature's own exception that {@link Errors} maps.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, ?> details;

    public ApiException(int status, String code, String message, Map<String, ?> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** A 400 about one field of the request: its name is in the details. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_field", message, Map.of("field", field));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, ?> details() {
        return details;
    }
}
