package io.agentry.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * An {@code agent_executions} row in full, with the seed's column names, and the name of its
 * agent (null once the agent is deleted).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutionDetails(
        UUID id,
        UUID agentId,
        String agentName,
        UUID orgId,
        UUID streamId,
        String status,
        Instant startedAt,
        Instant completedAt,
        Integer durationMs,
        JsonNode inputData,
        JsonNode outputData,
        JsonNode goalContext,
        JsonNode resultsSummary,
        String errorMessage,
        JsonNode metrics,
        UUID taskId,
        UUID workflowRunId,
        int attempts,
        Instant createdAt) {}
