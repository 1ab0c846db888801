package io.agentry.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * The range checks of the options records, in their field names. The upper limits keep every
 * duration far from the overflow of its arithmetic (nanosecond timers, lease expiry in SQL); the
 * CLI checks narrower ranges before it builds the records.
 */
final class OptionLimits {
    private OptionLimits() {}

    static void requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** More than zero and at most {@code max}. */
    static void requirePositive(String field, Duration value, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    field + " must be positive and at most " + format(max) + ", was " + format(value));
        }
    }

    static void requireBetween(String field, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    field + " must be between " + format(min) + " and " + format(max) + ", was " + format(value));
        }
    }

    /** In the units of the CLI ({@code 250ms}, {@code 30s}, {@code 7d}) where one fits exactly. */
    static String format(Duration value) {
        long seconds = value.getSeconds();
        if (value.getNano() == 0) {
            if (seconds != 0 && seconds % 86_400 == 0) {
                return seconds / 86_400 + "d";
            }
            if (seconds != 0 && seconds % 3_600 == 0) {
                return seconds / 3_600 + "h";
            }
            if (seconds != 0 && seconds % 60 == 0) {
                return seconds / 60 + "m";
            }
            return seconds + "s";
        }
        if (value.getNano() % 1_000_000 == 0 && Math.abs(seconds) < Long.MAX_VALUE / 1_000 - 1) {
            return value.toMillis() + "ms";
        }
        return value.toString();
    }
}
