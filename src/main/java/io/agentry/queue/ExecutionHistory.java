package io.agentry.queue;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads an org's executions: one in full, or a page of them, newest first, with filters. */
public final class ExecutionHistory {
    public static final Set<String> STATUSES = Set.of("queued", "running", "completed", "failed", "cancelled");

    private static final String SELECT = """
            SELECT e.id, e.agent_id, a.name AS agent_name, e.org_id, e.stream_id, e.status, e.started_at,
                   e.completed_at, e.duration_ms, e.input_data, e.output_data, e.goal_context, e.results_summary,
                   e.error_message, e.metrics, e.task_id, e.workflow_run_id, e.attempts, e.created_at
            FROM agent_executions e
            LEFT JOIN ai_agents a ON a.id = e.agent_id AND a.org_id = e.org_id
            """;

    private static final String FIND = SELECT + "WHERE e.id = ? AND e.org_id = ?";

    private static final String LIST = SELECT + """
            WHERE e.org_id = ?
              AND (?::uuid IS NULL OR e.stream_id = ?)
              AND (?::uuid IS NULL OR e.agent_id = ?)
              AND (?::text IS NULL OR e.status = ?)
              AND (?::timestamptz IS NULL OR (e.created_at, e.id) < (?, ?))
            ORDER BY e.created_at DESC, e.id DESC
            LIMIT ?""";

    /**
     * Which executions a page lists; null fields do not filter.
     *
     * @param status one of {@link #STATUSES}
     */
    public record Filter(UUID streamId, UUID agentId, String status) {}

    private final DataSource dataSource;

    public ExecutionHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ExecutionDetails> find(UUID orgId, UUID executionId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, executionId);
                statement.setObject(2, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The org's executions that match, newest first, after the one created at {@code
     * afterCreatedAt} with id {@code afterId} (both null for the first page).
     */
    public List<ExecutionDetails> list(UUID orgId, Filter filter, Instant afterCreatedAt, UUID afterId, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                int i = 1;
                statement.setObject(i++, orgId);
                statement.setObject(i++, filter.streamId());
                statement.setObject(i++, filter.streamId());
                statement.setObject(i++, filter.agentId());
                statement.setObject(i++, filter.agentId());
                statement.setString(i++, filter.status());
                statement.setString(i++, filter.status());
                statement.setTimestamp(i++, Sql.timestamp(afterCreatedAt));
                statement.setTimestamp(i++, Sql.timestamp(afterCreatedAt));
                statement.setObject(i++, afterId);
                statement.setInt(i, limit);
                List<ExecutionDetails> executions = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        executions.add(read(rs));
                    }
                }
                return executions;
            }
        });
    }

    private static ExecutionDetails read(ResultSet rs) throws SQLException {
        return new ExecutionDetails(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "agent_id"),
                rs.getString("agent_name"),
                Sql.uuid(rs, "org_id"),
                Sql.uuid(rs, "stream_id"),
                rs.getString("status"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "completed_at"),
                Sql.integer(rs, "duration_ms"),
                Json.read(rs.getString("input_data")),
                Json.read(rs.getString("output_data")),
                Json.read(rs.getString("goal_context")),
                Json.read(rs.getString("results_summary")),
                rs.getString("error_message"),
                Json.read(rs.getString("metrics")),
                Sql.uuid(rs, "task_id"),
                Sql.uuid(rs, "workflow_run_id"),
                rs.getInt("attempts"),
                Sql.instant(rs, "created_at"));
    }
}
