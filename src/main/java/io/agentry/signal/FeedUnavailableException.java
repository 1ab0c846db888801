package io.agentry.signal;

/** A news feed could not be read: no answer, an error status, or not a feed. {@link #reason()} says which. */
public final class FeedUnavailableException extends Exception {
    private final String url;
    private final String reason;

    FeedUnavailableException(String url, String reason, Throwable cause) {
        super(url + ": " + reason, cause);
        this.url = url;
        this.reason = reason;
    }

    public String url() {
        return url;
    }

    /** Why, in a few words: {@code HTTP 503}, {@code no answer: ConnectException}, … */
    public String reason() {
        return reason;
    }
}
