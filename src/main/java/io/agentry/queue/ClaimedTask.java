package io.agentry.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.util.UUID;

/**
 * A task this node now holds, with the agent row it names (loaded by the claim itself).
 *
 * @param attempt the fencing token: every result for this claim must carry it
 * @param agentType {@code null} when the task's agent row no longer exists
 */
public record ClaimedTask(
        UUID id,
        int attempt,
        UUID agentId,
        UUID orgId,
        TaskType taskType,
        int priority,
        JsonNode payload,
        int retryCount,
        int maxRetries,
        Integer timeoutSeconds,
        UUID executionId,
        UUID workflowRunId,
        String agentType,
        String agentName,
        boolean agentActive,
        JsonNode agentConfiguration) {

    /** The stream its payload names (checked when it was enqueued); null when none. */
    public UUID streamId() {
        return payload == null ? null : NewTask.streamId(payload);
    }

    /**
     * What the agent runs with: its configuration, with the task's {@code execution_config} (set
     * by its stream assignment or by whoever executed it) on top, key by key.
     */
    public JsonNode configuration() {
        JsonNode overrides = payload == null ? null : payload.get("execution_config");
        if (overrides == null || !overrides.isObject() || overrides.isEmpty()) {
            return agentConfiguration;
        }
        ObjectNode merged = agentConfiguration != null && agentConfiguration.isObject()
                ? ((ObjectNode) agentConfiguration).deepCopy()
                : Json.object();
        merged.setAll((ObjectNode) overrides);
        return merged;
    }

    /** True when a failure of this attempt would be retried. */
    public boolean hasRetriesLeft() {
        return retryCount < maxRetries;
    }
}
