package io.agentry.queue;

import java.util.Locale;

public enum TaskStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
