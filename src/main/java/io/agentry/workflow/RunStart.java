package io.agentry.workflow;

import io.agentry.queue.TaskType;
import java.util.Objects;
import java.util.UUID;

/**
 * A run to start from one agent: the agent runs first, and the agents of the stream that depend
 * on it follow within the run.
 *
 * @param runId the new run's id, when the caller has chosen it (a scheduler that recorded it with
 *     its fire); null for a new one
 * @param streamId the stream it works on; null for an agent that runs without one
 * @param priority the root task's priority, 1..10
 */
public record RunStart(
        UUID runId, UUID orgId, UUID streamId, UUID agentId, RunTrigger trigger, TaskType taskType, int priority) {
    public RunStart {
        Objects.requireNonNull(orgId, "org_id is required");
        Objects.requireNonNull(agentId, "agent_id is required");
        Objects.requireNonNull(trigger, "trigger is required");
        Objects.requireNonNull(taskType, "task_type is required");
    }
}
