package io.agentry.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * A {@code stream_insights} row as it is read back; in JSON with the column names.
 *
 * @param actionTaken what was done about it, as the user said; null until then
 * @param actionTakenAt when {@code actionTaken} was last set
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamInsight(
        UUID id,
        UUID streamId,
        String insightType,
        String title,
        String description,
        String severity,
        JsonNode data,
        String generatedBy,
        @JsonProperty("is_actionable") boolean actionable,
        @JsonProperty("is_read") boolean read,
        String actionTaken,
        Instant actionTakenAt,
        Instant createdAt) {}
