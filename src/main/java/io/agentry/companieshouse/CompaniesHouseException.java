package io.agentry.companieshouse;

import java.util.OptionalInt;

/**
 * A Companies House call failed. {@link #kind()} says how, {@link #call()} which request,
 * {@link #status()} the last HTTP status if one came back, and {@link #attempts()} how many times
 * the request was sent.
 */
public final class CompaniesHouseException extends RuntimeException {

    public enum Kind {
        /** 401: the key is wrong, revoked, or for another environment. Not retried. */
        API_KEY_REFUSED(false),
        /** 429 on every attempt. */
        RATE_LIMITED(true),
        /** 5xx on every attempt. */
        SERVER_ERROR(true),
        /** The last attempt took longer than the request timeout. */
        TIMEOUT(true),
        /** The last attempt could not connect, or the connection broke. */
        CONNECTION_FAILED(true),
        /** A status the client does not expect, such as 400 or 403. Not retried. */
        UNEXPECTED_STATUS(false),
        /** A 200 whose body is not the JSON the call expects. Not retried. */
        INVALID_RESPONSE(false),
        /** The calling thread was interrupted while it waited; its interrupt flag is set again. */
        INTERRUPTED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether the same call may well succeed later. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final String call;
    private final int status;
    private final int attempts;

    CompaniesHouseException(Kind kind, String call, int status, int attempts, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.call = call;
        this.status = status;
        this.attempts = attempts;
    }

    public Kind kind() {
        return kind;
    }

    /** The request, such as {@code GET /company/00000006/officers?items_per_page=100&start_index=0}. */
    public String call() {
        return call;
    }

    /** The HTTP status of the last attempt; empty when it timed out or did not connect. */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    public int attempts() {
        return attempts;
    }
}
