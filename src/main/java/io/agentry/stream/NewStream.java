package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stream to create.
 *
 * @param name shown everywhere the stream is; required, at most {@value Streams#MAX_NAME} characters
 * @param streamType one of {@link Streams#TYPES}; null for {@code prospecting}
 * @param goalCriteria {@code industry}, {@code location}, {@code employee_count}, {@code revenue}
 *     ({@link Goal}); null for none
 * @param targetMetrics {@code companies_to_find}, {@code min_quality_score}; null for the defaults
 * @param goalDeadline when the goal should be reached; null for none
 */
public record NewStream(
        String name,
        String description,
        String streamType,
        JsonNode goalCriteria,
        JsonNode targetMetrics,
        Instant goalDeadline) {

    /** A prospecting stream. */
    public NewStream(
            String name, String description, JsonNode goalCriteria, JsonNode targetMetrics, Instant goalDeadline) {
        this(name, description, null, goalCriteria, targetMetrics, goalDeadline);
    }
}
