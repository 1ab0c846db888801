package io.agentry.signal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a buying signal says happened. Each type has a validity: how long after the event the
 * signal stays worth acting on, which sets its {@code expires_at} (see docs/signals.md).
 */
public enum SignalType {
    /** The company lists open jobs: it is growing and spending. */
    JOB_POSTING(Duration.ofDays(30)),
    /** The company raised money: new shares allotted, or news of an investment. */
    FUNDING_ROUND(Duration.ofDays(180)),
    /** A director or other officer was appointed or left: new people, new budgets. */
    EXECUTIVE_CHANGE(Duration.ofDays(90)),
    /** The company filed something at Companies House. */
    COMPANIES_HOUSE_FILING(Duration.ofDays(90)),
    /** A news feed named the company. */
    NEWS_MENTION(Duration.ofDays(30));

    private final Duration validity;

    SignalType(Duration validity) {
        this.validity = validity;
    }

    /** The column's value: {@code job_posting}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration validity() {
        return validity;
    }

    /**
     * The type of a column or configuration value, exactly as {@link #value()} writes it.
     *
     * @throws IllegalArgumentException naming the value and the types there are
     */
    public static SignalType of(String value) {
        for (SignalType type : values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown signal type \"" + value + "\"; the types are " + allowed());
    }

    /** The values there are, comma-separated, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(SignalType::value).collect(Collectors.joining(", "));
    }
}
