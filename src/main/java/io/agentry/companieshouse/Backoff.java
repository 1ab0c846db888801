package io.agentry.companieshouse;

import io.agentry.support.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before the next attempt: {@code min(base × 2^(failed attempts − 1), cap)}, jittered, or
 * what the API's {@code Retry-After} asks for (seconds or an HTTP date), up to {@link
 * #MAX_RETRY_AFTER}.
 */
final class Backoff {
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final Duration base;
    private final Duration cap;
    private final Jitter jitter;
    private final Clock clock;

    Backoff(Duration base, Duration cap, Jitter jitter, Clock clock) {
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
        this.clock = clock;
    }

    /** The pause after {@code failedAttempts} (1 or more) attempts failed. */
    Duration after(int failedAttempts, String retryAfter) {
        Duration asked = retryAfter == null ? null : parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return jitter.apply(exponential(failedAttempts));
    }

    Duration exponential(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        if (base.isZero()) {
            return Duration.ZERO;
        }
        if (doublings >= 31) {
            return cap;
        }
        Duration pause = base.multipliedBy(1L << doublings);
        return pause.compareTo(cap) > 0 ? cap : pause;
    }

    private Duration parseRetryAfter(String value) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.now(), at.toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    /** Spreads the pauses of callers that failed together. */
    @FunctionalInterface
    interface Jitter {
        Duration apply(Duration pause);

        /** A random share between half and all of the pause. */
        static Jitter random() {
            return pause -> {
                long nanos = pause.toNanos();
                return nanos < 2
                        ? pause
                        : Duration.ofNanos(
                                nanos / 2 + ThreadLocalRandom.current().nextLong(nanos / 2 + 1));
            };
        }

        static Jitter none() {
            return pause -> pause;
        }
    }
}
