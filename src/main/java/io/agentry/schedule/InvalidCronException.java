package io.agentry.schedule;

/**
 * A cron expression that is not a 5-field Unix cron expression. The message quotes the expression
 * and says what is wrong with it in plain words.
 */
public final class InvalidCronException extends InvalidScheduleException {

    InvalidCronException(String expression, String reason) {
        super("schedule_cron", "schedule_cron \"" + expression + "\" " + reason);
    }
}
