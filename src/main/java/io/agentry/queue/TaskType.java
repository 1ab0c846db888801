package io.agentry.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a task exists: the seed's three kinds. */
public enum TaskType {
    STREAM_EXECUTION,
    SCHEDULED_RUN,
    MANUAL_TRIGGER;

    @JsonValue
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
