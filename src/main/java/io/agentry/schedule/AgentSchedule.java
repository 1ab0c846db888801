package io.agentry.schedule;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent and its schedule.
 *
 * @param cron the 5-field Unix cron expression; null when the agent has no schedule
 * @param timezone the IANA zone whose wall clock the expression follows (default UTC)
 * @param nextRunAt the next fire; null when there is no schedule
 * @param lastRunAt the last fire time (fired or skipped); null before the first
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentSchedule(
        UUID agentId,
        String agentType,
        String name,
        boolean active,
        String cron,
        String timezone,
        Instant nextRunAt,
        Instant lastRunAt) {}
