package io.agentry.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * One agent's execution within a run; {@code taskId} is null for a dependent that never ran.
 *
 * @param outputData what the agent returned, once it completed; null before
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunStep(
        UUID executionId,
        UUID taskId,
        UUID agentId,
        String agentType,
        String agentName,
        String status,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        Integer durationMs,
        String errorMessage,
        JsonNode outputData) {}
