package io.agentry.analytics;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads an agent's {@link AgentHealth} from its executions in one statement. */
public final class AgentHealthCheck {
    private static final String HEALTH = """
            WITH ended AS (
                SELECT status, completed_at, duration_ms, completed_at >= ? AS in_window
                FROM agent_executions
                WHERE org_id = ? AND agent_id = ? AND status IN ('completed', 'failed') AND completed_at IS NOT NULL
            ), last AS (
                SELECT max(completed_at) FILTER (WHERE status = 'completed') AS success,
                       max(completed_at) FILTER (WHERE status = 'failed') AS failure
                FROM ended
            )
            SELECT last.success AS last_success_at, last.failure AS last_failure_at,
                   count(e.status) FILTER (WHERE e.status = 'failed'
                                             AND (last.success IS NULL OR e.completed_at > last.success))
                       AS failure_streak,
                   count(e.status) FILTER (WHERE e.in_window AND e.status = 'completed') AS completed,
                   count(e.status) FILTER (WHERE e.in_window AND e.status = 'failed') AS failed,
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY e.duration_ms)
                         FILTER (WHERE e.in_window AND e.status = 'completed'))::bigint AS p50_duration_ms,
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY e.duration_ms)
                         FILTER (WHERE e.in_window AND e.status = 'completed'))::bigint AS p95_duration_ms
            FROM last LEFT JOIN ended e ON true
            GROUP BY last.success, last.failure""";

    private final DataSource dataSource;

    public AgentHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The agent's health over the window that ends at {@code now}; the caller checks the agent is the org's. */
    public AgentHealth of(UUID orgId, UUID agentId, TimeRange window, Instant now) {
        Instant from = window.from(now);
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(HEALTH)) {
                statement.setTimestamp(1, Sql.timestamp(from));
                statement.setObject(2, orgId);
                statement.setObject(3, agentId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    long streak = rs.getLong("failure_streak");
                    long completed = rs.getLong("completed");
                    long failed = rs.getLong("failed");
                    return new AgentHealth(
                            agentId,
                            AgentHealth.status(streak, completed, failed),
                            window,
                            from,
                            Sql.instant(rs, "last_success_at"),
                            Sql.instant(rs, "last_failure_at"),
                            streak,
                            completed,
                            failed,
                            Analytics.successRate(completed, failed),
                            rs.getObject("p50_duration_ms", Long.class),
                            rs.getObject("p95_duration_ms", Long.class));
                }
            }
        });
    }
}
