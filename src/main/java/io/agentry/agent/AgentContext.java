package io.agentry.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Clock;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What an agent gets for one attempt: who it is, what to work on, and the means to work.
 *
 * @param configuration the agent's {@code ai_agents.configuration}
 * @param input the task's payload ({@code stream_id}, {@code goal_context}, upstream outputs …)
 * @param attempt 1 for the first attempt, 2 for the first retry, …
 */
public record AgentContext(
        UUID taskId,
        UUID executionId,
        UUID agentId,
        UUID orgId,
        UUID workflowRunId,
        int attempt,
        String agentType,
        JsonNode configuration,
        JsonNode input,
        StopSignal stopSignal,
        CostMeter meter,
        DataSource database,
        Clock clock) {

    /** True once the runner asked this attempt to stop (cancel, timeout, lost lease, shutdown). */
    public boolean isStopRequested() {
        return stopSignal.isRequested();
    }

    /** Throws {@link InterruptedException} when a stop was requested: call it between steps. */
    public void checkpoint() throws InterruptedException {
        if (stopSignal.isRequested()) {
            throw new InterruptedException("stop requested: " + stopSignal.reason());
        }
    }

    public UUID streamId() {
        JsonNode value = input.get("stream_id");
        return value == null || value.isNull() ? null : UUID.fromString(value.asText());
    }

    public JsonNode goalContext() {
        return input.path("goal_context");
    }
}
