package io.agentry.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import java.util.Locale;
import java.util.Objects;

/**
 * What an agent concluded about a stream, as a {@code stream_insights} row.
 *
 * @param dedupeKey the fact this insight states ("milestone:50", "risk:low_yield:3/50"): a stream
 *     holds one insight per key, so a milestone is announced once and a warning is not repeated
 *     while the state it warns about has not changed
 * @param data details for a program to read; an empty object when none
 * @param actionable whether the insight asks the user to do something
 */
public record Insight(
        Type type,
        String title,
        String description,
        Severity severity,
        JsonNode data,
        boolean actionable,
        String dedupeKey) {

    public enum Type {
        PROGRESS_UPDATE,
        QUALITY_ASSESSMENT,
        RECOMMENDATION,
        RISK_ALERT,
        MILESTONE_ACHIEVED,
        OPTIMIZATION_SUGGESTION;

        /** The column's value: {@code risk_alert}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Severity {
        INFO,
        SUCCESS,
        WARNING,
        CRITICAL;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Insight {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an insight needs a title");
        }
        if (dedupeKey == null || dedupeKey.isBlank()) {
            throw new IllegalArgumentException("an insight needs a dedupe key");
        }
        data = data == null ? Json.object() : data;
    }
}
