package io.agentry.runner;

import java.time.Duration;

/**
 * What this node is doing right now.
 *
 * @param busySlots slots whose agent is running
 * @param heldTasks tasks this node holds a lease on: running, or finished and being written
 * @param listening true while the wake-up connection (LISTEN) is up; when false the node still
 *     finds tasks by polling every {@code pollInterval}
 */
public record RunnerStatus(
        String nodeId,
        Runner.State state,
        int slots,
        int busySlots,
        int heldTasks,
        Duration pollInterval,
        boolean listening) {}
