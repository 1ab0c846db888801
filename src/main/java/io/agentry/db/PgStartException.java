package io.agentry.db;

/** PostgreSQL did not start; {@link #reason()} says why in one line, the message at length. */
final class PgStartException extends IllegalStateException {
    private final String reason;

    PgStartException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** One line, for a message that has no room for the end of the log. */
    String reason() {
        return reason;
    }
}
