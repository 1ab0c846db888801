package io.agentry.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * How an agent has been doing, from its ended executions (completed or failed; cancelled ones say
 * nothing about the agent). The window counts executions that ended in it.
 *
 * @param lastSuccessAt when its last completed execution ended, ever; null if none has
 * @param lastFailureAt when its last failed execution ended, ever; null if none has
 * @param failureStreak failed executions that ended after the last completed one (all of them
 *     when none completed)
 * @param successRate completed over completed plus failed in the window; null when neither
 * @param p50DurationMs median duration of the window's completed executions (interpolated)
 * @param p95DurationMs 95th percentile of the same (interpolated)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentHealth(
        UUID agentId,
        Status status,
        TimeRange window,
        Instant windowFrom,
        Instant lastSuccessAt,
        Instant lastFailureAt,
        long failureStreak,
        long completed,
        long failed,
        Double successRate,
        Long p50DurationMs,
        Long p95DurationMs) {

    /** A failure streak this long makes an agent failing. */
    public static final int FAILING_STREAK = 3;

    public enum Status {
        HEALTHY,
        DEGRADED,
        FAILING;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The rule (docs/api-agents.md): failing when the last {@value #FAILING_STREAK} or more ended
     * executions failed, or the window has failures and no success; else degraded when the last
     * ended execution failed or fewer than 90 % of the window's ended executions completed; else
     * healthy (an agent with nothing in the window is healthy: nothing says otherwise).
     */
    static Status status(long failureStreak, long completed, long failed) {
        if (failureStreak >= FAILING_STREAK || (failed > 0 && completed == 0)) {
            return Status.FAILING;
        }
        // completed / (completed + failed) < 0.9, in whole numbers so that 90 % itself is healthy.
        if (failureStreak > 0 || completed * 10 < (completed + failed) * 9) {
            return Status.DEGRADED;
        }
        return Status.HEALTHY;
    }
}
