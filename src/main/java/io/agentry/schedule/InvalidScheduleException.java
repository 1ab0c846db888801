package io.agentry.schedule;

/** A schedule refused before anything was written; {@link #field()} names the column at fault. */
public class InvalidScheduleException extends IllegalArgumentException {
    private final String field;

    InvalidScheduleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code schedule_cron} or {@code schedule_timezone}. */
    public String field() {
        return field;
    }
}
