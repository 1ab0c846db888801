package io.agentry.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What started a workflow run: a person, a schedule, a dependency, or a program through the API. */
public enum RunTrigger {
    MANUAL,
    SCHEDULE,
    DEPENDENCY,
    API;

    @JsonValue
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunTrigger of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
