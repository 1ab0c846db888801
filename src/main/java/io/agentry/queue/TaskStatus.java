package io.agentry.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum TaskStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    @JsonValue
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
