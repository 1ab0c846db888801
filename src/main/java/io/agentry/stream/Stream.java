package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.time.Instant;
import java.util.UUID;

/** A {@code streams} row. {@code currentProgress} is what the last execution published. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Stream(
        UUID id,
        UUID orgId,
        String name,
        String description,
        String streamType,
        String status,
        JsonNode goalCriteria,
        JsonNode targetMetrics,
        JsonNode currentProgress,
        Instant goalDeadline,
        String goalStatus,
        Instant createdAt,
        Instant updatedAt) {

    /** {@code {"goal_criteria", "target_metrics"}}: what agents get as their goal context. */
    public JsonNode goalContext() {
        ObjectNode context = Json.object();
        context.set("goal_criteria", goalCriteria);
        context.set("target_metrics", targetMetrics);
        return context;
    }
}
