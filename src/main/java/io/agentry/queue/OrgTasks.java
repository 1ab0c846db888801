package io.agentry.queue;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An org's tasks as its users read them: one by id, or a page, newest first, with filters. Unlike
 * {@link TaskQueue#find}, every read is scoped to the org, so a caller can check that a task is
 * the org's before acting on it.
 */
public final class OrgTasks {
    private static final String FIND = "SELECT * FROM agent_tasks WHERE id = ? AND org_id = ?";

    private static final String LIST = """
            SELECT * FROM agent_tasks
            WHERE org_id = ?
              AND (?::text IS NULL OR status = ?)
              AND (?::uuid IS NULL OR agent_id = ?)
              AND (?::uuid IS NULL OR workflow_run_id = ?)
              AND (?::timestamptz IS NULL OR (created_at, id) < (?, ?))
            ORDER BY created_at DESC, id DESC
            LIMIT ?""";

    /** Which tasks a page lists; null fields do not filter. */
    public record Filter(TaskStatus status, UUID agentId, UUID workflowRunId) {}

    private final DataSource dataSource;

    public OrgTasks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Task> find(UUID orgId, UUID taskId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, taskId);
                statement.setObject(2, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(TaskRows.task(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The org's tasks that match, newest first, after the one created at {@code afterCreatedAt}
     * with id {@code afterId} (both null for the first page).
     */
    public List<Task> list(UUID orgId, Filter filter, Instant afterCreatedAt, UUID afterId, int limit) {
        String status = filter.status() == null ? null : filter.status().sql();
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                int i = 1;
                statement.setObject(i++, orgId);
                statement.setString(i++, status);
                statement.setString(i++, status);
                statement.setObject(i++, filter.agentId());
                statement.setObject(i++, filter.agentId());
                statement.setObject(i++, filter.workflowRunId());
                statement.setObject(i++, filter.workflowRunId());
                statement.setTimestamp(i++, Sql.timestamp(afterCreatedAt));
                statement.setTimestamp(i++, Sql.timestamp(afterCreatedAt));
                statement.setObject(i++, afterId);
                statement.setInt(i, limit);
                List<Task> tasks = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(TaskRows.task(rs));
                    }
                }
                return tasks;
            }
        });
    }
}
