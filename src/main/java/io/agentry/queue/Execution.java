package io.agentry.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/** An {@code agent_executions} row, as a caller waiting for its result reads it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Execution(
        UUID id,
        String status,
        int attempts,
        Integer durationMs,
        JsonNode outputData,
        JsonNode metrics,
        String errorMessage) {}
