package io.agentry.queue;

import java.util.UUID;

/**
 * The task an enqueue stands for.
 *
 * @param created false when a live task with the same dedupe key was returned instead
 */
public record Enqueued(UUID taskId, UUID executionId, boolean created) {}
