package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** A {@code stream_insights} row as it is read back. */
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
        boolean actionable,
        boolean read,
        Instant createdAt) {}
