package io.agentry.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent assigned to a stream, with its place in the stream's workflow and its counters; in
 * JSON with the column names, as a request to assign an agent spells them.
 *
 * @param dependsOn agents of the same stream that must complete, in the same run, before this one
 *     starts by itself
 * @param avgExecutionTimeMs the mean duration of its successful executions; null before the first
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Assignment(
        UUID id,
        UUID streamId,
        UUID agentId,
        String agentType,
        String agentName,
        @JsonProperty("assignment_role") String role,
        Integer executionOrder,
        @JsonProperty("is_active") boolean active,
        boolean autoExecute,
        String executionFrequency,
        JsonNode executionConfig,
        @JsonProperty("depends_on_agent_ids") List<UUID> dependsOn,
        int totalExecutions,
        int successfulExecutions,
        Instant lastExecutedAt,
        Integer avgExecutionTimeMs) {}
