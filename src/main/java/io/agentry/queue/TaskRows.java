package io.agentry.queue;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps {@code agent_tasks} rows. */
final class TaskRows {
    private TaskRows() {}

    static Task task(ResultSet rs) throws SQLException {
        return new Task(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "agent_id"),
                Sql.uuid(rs, "org_id"),
                rs.getString("agent_type"),
                TaskType.of(rs.getString("task_type")),
                rs.getInt("priority"),
                Json.read(rs.getString("payload")),
                TaskStatus.of(rs.getString("status")),
                rs.getInt("retry_count"),
                rs.getInt("max_retries"),
                Sql.instant(rs, "scheduled_for"),
                rs.getString("error_message"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "completed_at"),
                rs.getInt("attempt"),
                rs.getString("locked_by"),
                Sql.instant(rs, "lease_expires_at"),
                Sql.integer(rs, "timeout_seconds"),
                rs.getString("dedupe_key"),
                Sql.uuid(rs, "execution_id"),
                Sql.uuid(rs, "workflow_run_id"),
                Sql.instant(rs, "cancel_requested_at"));
    }
}
