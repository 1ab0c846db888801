package io.agentry.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code agent_tasks}, as read.
 *
 * @param agentType the type of its agent, which decides which nodes claim it; {@code null} only
 *     for a task that had ended when its agent was deleted, before types were recorded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Task(
        UUID id,
        UUID agentId,
        UUID orgId,
        String agentType,
        TaskType taskType,
        int priority,
        JsonNode payload,
        TaskStatus status,
        int retryCount,
        int maxRetries,
        Instant scheduledFor,
        String errorMessage,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        int attempt,
        String lockedBy,
        Instant leaseExpiresAt,
        Integer timeoutSeconds,
        String dedupeKey,
        UUID executionId,
        UUID workflowRunId,
        Instant cancelRequestedAt) {}
