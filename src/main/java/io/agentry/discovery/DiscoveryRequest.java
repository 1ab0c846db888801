package io.agentry.discovery;

import io.agentry.stream.Goal;
import java.util.Objects;
import java.util.UUID;

/**
 * One discovery run: which stream, towards which goal, on whose behalf.
 *
 * @param agentId recorded as the items' {@code added_by_agent_id}
 * @param executionId the execution the run belongs to; its items are counted across the
 *     execution's attempts. Null outside the runner (then only this run's items count).
 * @param attempt the execution's attempt, recorded with each item
 */
public record DiscoveryRequest(UUID orgId, UUID streamId, UUID agentId, UUID executionId, int attempt, Goal goal) {
    public DiscoveryRequest {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(goal, "goal");
    }
}
