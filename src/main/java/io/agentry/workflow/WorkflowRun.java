package io.agentry.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of a stream's workflow.
 *
 * @param agentId the agent it started from; null when it started every root of the stream
 * @param status {@code running | completed | failed | cancelled}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowRun(
        UUID id,
        UUID orgId,
        UUID streamId,
        UUID agentId,
        RunTrigger trigger,
        String status,
        String errorMessage,
        Instant createdAt,
        Instant completedAt) {

    public boolean isRunning() {
        return "running".equals(status);
    }
}
