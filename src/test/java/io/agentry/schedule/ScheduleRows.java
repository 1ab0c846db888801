package io.agentry.schedule;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rows schedule tests stand on (orgs, agents, streams, assignments, runs) and what they read back. */
final class ScheduleRows {
    private final Database database;

    ScheduleRows(Database database) {
        this.database = database;
    }

    UUID org() {
        return uuid("INSERT INTO organizations (name) VALUES ('Schedules Ltd') RETURNING id");
    }

    UUID agent(UUID orgId) {
        return uuid(
                "INSERT INTO ai_agents (org_id, agent_type, name) VALUES (?, 'scoring_agent', 'scorer') RETURNING id",
                orgId);
    }

    /** An agent scheduled as {@code Schedules.set} leaves it, due at {@code nextRunAt}. */
    UUID scheduledAgent(UUID orgId, String cron, String timezone, Instant nextRunAt) {
        return uuid("""
                INSERT INTO ai_agents (org_id, agent_type, name, schedule_cron, schedule_timezone, next_run_at)
                VALUES (?, 'scoring_agent', 'scorer', ?, ?, ?) RETURNING id""", orgId, cron, timezone, utc(nextRunAt));
    }

    UUID stream(UUID orgId, String status) {
        return uuid("INSERT INTO streams (org_id, name, status) VALUES (?, 'Stream', ?) RETURNING id", orgId, status);
    }

    void assign(UUID orgId, UUID streamId, UUID agentId, boolean active) {
        execute(
                "INSERT INTO stream_agent_assignments (org_id, stream_id, agent_id, is_active) VALUES (?, ?, ?, ?)",
                orgId,
                streamId,
                agentId,
                active);
    }

    void endRun(UUID runId) {
        execute("UPDATE workflow_runs SET status = 'completed', completed_at = now() WHERE id = ?", runId);
    }

    void execute(String sql, Object... parameters) {
        Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** The fire rows of an agent, oldest first, each as column name to value. */
    List<Map<String, Object>> fires(UUID agentId) {
        return rows(
                "SELECT stream_id, fire_time, outcome, workflow_run_id, reason FROM schedule_fires"
                        + " WHERE agent_id = ? ORDER BY fire_time, stream_id",
                agentId);
    }

    /** The tasks of an agent, with their run and the stream of their payload. */
    List<Map<String, Object>> tasks(UUID agentId) {
        return rows(
                "SELECT task_type, priority, workflow_run_id, payload ->> 'stream_id' AS stream_id FROM agent_tasks"
                        + " WHERE agent_id = ? ORDER BY created_at, id",
                agentId);
    }

    List<Map<String, Object>> runs(UUID agentId) {
        return rows("SELECT id, stream_id, trigger, status FROM workflow_runs WHERE agent_id = ?", agentId);
    }

    Map<String, Object> agentRow(UUID agentId) {
        return rows(
                        "SELECT schedule_cron, schedule_timezone, next_run_at, last_run_at, updated_at FROM ai_agents"
                                + " WHERE id = ?",
                        agentId)
                .get(0);
    }

    Instant nextRunAt(UUID agentId) {
        return instant(agentRow(agentId).get("next_run_at"));
    }

    Instant lastRunAt(UUID agentId) {
        return instant(agentRow(agentId).get("last_run_at"));
    }

    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    private UUID uuid(String sql, Object... parameters) {
        return (UUID) rows(sql, parameters).get(0).values().iterator().next();
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof Timestamp) {
                                value = rs.getObject(i, OffsetDateTime.class);
                            }
                            row.put(rs.getMetaData().getColumnLabel(i), value);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
