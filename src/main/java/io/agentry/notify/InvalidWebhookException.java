package io.agentry.notify;

/** A webhook that cannot be registered as asked, with the field that is wrong. */
public final class InvalidWebhookException extends IllegalArgumentException {
    private final String field;

    InvalidWebhookException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
