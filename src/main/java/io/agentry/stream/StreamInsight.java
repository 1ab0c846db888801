package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A {@code stream_insights} row as it is read back. */
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
