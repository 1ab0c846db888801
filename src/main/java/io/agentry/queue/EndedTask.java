package io.agentry.queue;

import java.util.UUID;

/**
 * A task that has just ended, as the transaction that ended it sees it: completed, failed for
 * good, or cancelled.
 *
 * @param streamId the stream its payload names; null when none
 * @param workflowRunId the workflow run it belongs to; null when none
 * @param durationMs how long its last attempt ran; null when it never ran
 */
public record EndedTask(
        UUID taskId,
        UUID executionId,
        UUID agentId,
        UUID orgId,
        UUID streamId,
        UUID workflowRunId,
        TaskStatus status,
        Integer durationMs,
        String error) {}
