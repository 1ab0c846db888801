package io.agentry.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a stream stands against its goal, as {@code streams.goal_status}. {@link #of} is the one
 * rule that decides it, from the stream's state and its progress.
 */
public enum GoalStatus {
    NOT_STARTED,
    IN_PROGRESS,
    ON_TRACK,
    AT_RISK,
    COMPLETED,
    FAILED,
    PAUSED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The rule, first match wins:
     *
     * <ol>
     *   <li>a paused or archived stream is {@code paused};
     *   <li>enough qualified companies: {@code completed};
     *   <li>past its deadline: {@code failed};
     *   <li>no item yet and no agent has run on it: {@code not_started};
     *   <li>with a deadline: {@code on_track} while the share of the target reached is at least the
     *       share of the time from creation to deadline gone by, else {@code at_risk};
     *   <li>otherwise {@code in_progress}.
     * </ol>
     */
    static GoalStatus of(
            String streamStatus,
            int completed,
            int total,
            int items,
            boolean worked,
            Instant createdAt,
            Instant deadline,
            Instant now) {
        if (!"active".equals(streamStatus)) {
            return PAUSED;
        }
        if (completed >= total) {
            return COMPLETED;
        }
        if (deadline != null && now.isAfter(deadline)) {
            return FAILED;
        }
        if (items == 0 && !worked) {
            return NOT_STARTED;
        }
        if (deadline == null) {
            return IN_PROGRESS;
        }
        long span = Math.max(1, Duration.between(createdAt, deadline).toMillis());
        long gone = Math.max(0, Duration.between(createdAt, now).toMillis());
        return (double) completed / total >= (double) gone / span ? ON_TRACK : AT_RISK;
    }
}
