package io.agentry.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;

/**
 * How one attempt ended, as the runner reports it to {@link Leases#finish}.
 *
 * @param streamId the stream of the task (null when none), as claimed
 * @param workflowRunId the run of the task (null when none), as claimed
 * @param durationMs how long the agent ran, or {@code null} when it never started
 * @param retryDelay for {@link Kind#RETRY}: how long until the task may be claimed again
 */
public record Outcome(
        UUID taskId,
        int attempt,
        UUID streamId,
        UUID workflowRunId,
        Kind kind,
        String error,
        JsonNode output,
        JsonNode summary,
        JsonNode metrics,
        Long durationMs,
        Duration retryDelay) {

    public enum Kind {
        /** The agent succeeded: the task is completed. */
        COMPLETED,
        /** The attempt failed and the task has retries left: back to pending after a delay. */
        RETRY,
        /** The attempt failed for good. */
        FAILED,
        /** The task was cancelled while it ran. */
        CANCELLED,
        /** The node gave the task back unfinished (shutdown); no attempt is counted as failed. */
        RELEASED;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Outcome completed(
            ClaimedTask task, JsonNode output, JsonNode summary, JsonNode metrics, long durationMs) {
        return new Outcome(
                task.id(),
                task.attempt(),
                task.streamId(),
                task.workflowRunId(),
                Kind.COMPLETED,
                null,
                output,
                summary,
                metrics,
                durationMs,
                Duration.ZERO);
    }

    /** The node gives the task back unfinished; {@code why} becomes its error message. */
    public static Outcome released(ClaimedTask task, String why) {
        return new Outcome(
                task.id(),
                task.attempt(),
                task.streamId(),
                task.workflowRunId(),
                Kind.RELEASED,
                why,
                null,
                null,
                null,
                null,
                Duration.ZERO);
    }

    /**
     * This outcome as a failure without its result, for when the database refused to store it:
     * the task fails for good (running the agent again would most likely give the same result).
     */
    public Outcome unstorable(String reason) {
        return new Outcome(
                taskId,
                attempt,
                streamId,
                workflowRunId,
                Kind.FAILED,
                "the attempt's result could not be stored: " + reason,
                null,
                null,
                null,
                durationMs,
                Duration.ZERO);
    }

    public static Outcome failed(
            ClaimedTask task, Kind kind, String error, JsonNode metrics, Long durationMs, Duration retryDelay) {
        return new Outcome(
                task.id(),
                task.attempt(),
                task.streamId(),
                task.workflowRunId(),
                kind,
                error,
                null,
                null,
                metrics,
                durationMs,
                retryDelay);
    }
}
