package io.agentry.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What an org's executions add up to over a time range, read from {@code agent_executions} in one
 * set-based statement per report. An execution belongs to the range when it was created in it.
 * Durations are those of completed executions; a success rate is completed over completed plus
 * failed (cancelled executions are neither), null when there are none.
 */
public final class Analytics {
    private static final String OVERVIEW = """
            SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
                   count(*) FILTER (WHERE status = 'running') AS running,
                   count(*) FILTER (WHERE status = 'completed') AS completed,
                   count(*) FILTER (WHERE status = 'failed') AS failed,
                   count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
                   round(avg(duration_ms) FILTER (WHERE status = 'completed'))::bigint AS avg_duration_ms,
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)
                         FILTER (WHERE status = 'completed'))::bigint AS p95_duration_ms,
                   coalesce(sum((metrics ->> 'items_processed')::numeric)
                            FILTER (WHERE jsonb_typeof(metrics -> 'items_processed') = 'number'), 0)
                       AS items_processed
            FROM agent_executions
            WHERE org_id = ? AND created_at >= ?""";

    private static final String PERFORMANCE = """
            SELECT e.agent_id, a.name AS agent_name, a.agent_type, count(*) AS runs,
                   count(*) FILTER (WHERE e.status = 'completed') AS completed,
                   count(*) FILTER (WHERE e.status = 'failed') AS failed,
                   round(avg(e.duration_ms) FILTER (WHERE e.status = 'completed'))::bigint AS avg_duration_ms,
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY e.duration_ms)
                         FILTER (WHERE e.status = 'completed'))::bigint AS p95_duration_ms
            FROM agent_executions e
            LEFT JOIN ai_agents a ON a.id = e.agent_id AND a.org_id = e.org_id
            WHERE e.org_id = ? AND e.created_at >= ?
            GROUP BY e.agent_id, a.name, a.agent_type
            ORDER BY runs DESC, e.agent_id""";

    /** The seed's "View Agent Executions" query, over the range, with a few more columns. */
    private static final String HISTORY = """
            SELECT e.id, e.agent_id, a.name AS agent_name, e.stream_id, e.status, e.duration_ms, e.metrics,
                   e.error_message, e.created_at, e.completed_at
            FROM agent_executions e
            LEFT JOIN ai_agents a ON a.id = e.agent_id AND a.org_id = e.org_id
            WHERE e.org_id = ? AND e.created_at >= ?
            ORDER BY e.created_at DESC, e.id DESC
            LIMIT ?""";

    private static final String ERRORS = """
            SELECT coalesce(error_message, '') AS error_message, count(*) AS count,
                   max(coalesce(completed_at, created_at)) AS last_seen_at,
                   array_agg(DISTINCT agent_id ORDER BY agent_id) AS agent_ids
            FROM agent_executions
            WHERE org_id = ? AND created_at >= ? AND status = 'failed'
            GROUP BY 1
            ORDER BY count DESC, last_seen_at DESC, error_message
            LIMIT ?""";

    /** Executions by status in the range, and their total. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StatusCounts(long queued, long running, long completed, long failed, long cancelled, long total) {
        static StatusCounts of(long queued, long running, long completed, long failed, long cancelled) {
            return new StatusCounts(
                    queued, running, completed, failed, cancelled, queued + running + completed + failed + cancelled);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Overview(
            StatusCounts executions, Double successRate, Long avgDurationMs, Long p95DurationMs, long itemsProcessed) {}

    /** An agent's executions in the range; its name and type are null once it is deleted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AgentPerformance(
            UUID agentId,
            String agentName,
            String agentType,
            long runs,
            long completed,
            long failed,
            Double successRate,
            Long avgDurationMs,
            Long p95DurationMs) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HistoryEntry(
            UUID id,
            UUID agentId,
            String agentName,
            UUID streamId,
            String status,
            Integer durationMs,
            JsonNode metrics,
            String errorMessage,
            Instant createdAt,
            Instant completedAt) {}

    /** Failed executions with one error message; an execution that failed without one has "". */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ErrorGroup(String errorMessage, long count, Instant lastSeenAt, List<UUID> agentIds) {}

    private final DataSource dataSource;

    public Analytics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Overview overview(UUID orgId, Instant from) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = prepare(connection, OVERVIEW, orgId, from);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                StatusCounts counts = StatusCounts.of(
                        rs.getLong("queued"),
                        rs.getLong("running"),
                        rs.getLong("completed"),
                        rs.getLong("failed"),
                        rs.getLong("cancelled"));
                return new Overview(
                        counts,
                        successRate(counts.completed(), counts.failed()),
                        rs.getObject("avg_duration_ms", Long.class),
                        rs.getObject("p95_duration_ms", Long.class),
                        rs.getBigDecimal("items_processed").longValue());
            }
        });
    }

    /** Every agent with executions in the range, the busiest first. */
    public List<AgentPerformance> performance(UUID orgId, Instant from) {
        return Sql.run(dataSource, connection -> {
            List<AgentPerformance> agents = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, PERFORMANCE, orgId, from);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long completed = rs.getLong("completed");
                    long failed = rs.getLong("failed");
                    agents.add(new AgentPerformance(
                            Sql.uuid(rs, "agent_id"),
                            rs.getString("agent_name"),
                            rs.getString("agent_type"),
                            rs.getLong("runs"),
                            completed,
                            failed,
                            successRate(completed, failed),
                            rs.getObject("avg_duration_ms", Long.class),
                            rs.getObject("p95_duration_ms", Long.class)));
                }
            }
            return agents;
        });
    }

    /** The newest {@code limit} executions of the range, newest first. */
    public List<HistoryEntry> history(UUID orgId, Instant from, int limit) {
        return Sql.run(dataSource, connection -> {
            List<HistoryEntry> entries = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, HISTORY, orgId, from)) {
                statement.setInt(3, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new HistoryEntry(
                                Sql.uuid(rs, "id"),
                                Sql.uuid(rs, "agent_id"),
                                rs.getString("agent_name"),
                                Sql.uuid(rs, "stream_id"),
                                rs.getString("status"),
                                Sql.integer(rs, "duration_ms"),
                                Json.read(rs.getString("metrics")),
                                rs.getString("error_message"),
                                Sql.instant(rs, "created_at"),
                                Sql.instant(rs, "completed_at")));
                    }
                }
            }
            return entries;
        });
    }

    /** The range's failures grouped by error message, the most frequent first, at most {@code limit} groups. */
    public List<ErrorGroup> errors(UUID orgId, Instant from, int limit) {
        return Sql.run(dataSource, connection -> {
            List<ErrorGroup> groups = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, ERRORS, orgId, from)) {
                statement.setInt(3, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        groups.add(new ErrorGroup(
                                rs.getString("error_message"),
                                rs.getLong("count"),
                                Sql.instant(rs, "last_seen_at"),
                                List.of((UUID[]) rs.getArray("agent_ids").getArray())));
                    }
                }
            }
            return groups;
        });
    }

    /** Completed over completed plus failed; null when neither happened. */
    static Double successRate(long completed, long failed) {
        return completed + failed == 0 ? null : (double) completed / (completed + failed);
    }

    /** A statement whose first two parameters are the org and the start of the range. */
    static PreparedStatement prepare(Connection connection, String sql, UUID orgId, Instant from) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setObject(1, orgId);
        statement.setTimestamp(2, Sql.timestamp(from));
        return statement;
    }
}
