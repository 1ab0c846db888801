package io.agentry.workflow;

import io.agentry.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Deletes a stream with everything that is about it, so that no row is left pointing at it: its
 * items, insights, events, assignments and schedule fires (the foreign keys cascade), and its
 * workflow runs with their tasks and executions. Refused while the stream has work going on (a
 * running run, or a task pending or being worked on): the engine would otherwise finish work for
 * a stream that no longer exists. The stream's row is locked first, so no run can start meanwhile.
 */
public final class StreamDeletion {
    private static final String BUSY = """
            SELECT (SELECT count(*) FROM workflow_runs WHERE stream_id = ? AND org_id = ? AND status = 'running')
                       AS running_runs,
                   (SELECT count(*) FROM agent_tasks
                    WHERE org_id = ? AND status IN ('pending', 'processing')
                      AND workflow_run_id IN (SELECT id FROM workflow_runs WHERE stream_id = ? AND org_id = ?))
                       AS live_tasks""";

    private static final String DELETE_TASKS = """
            DELETE FROM agent_tasks
            WHERE org_id = ? AND workflow_run_id IN (SELECT id FROM workflow_runs WHERE stream_id = ? AND org_id = ?)""";

    private static final String DELETE_EXECUTIONS = """
            DELETE FROM agent_executions
            WHERE org_id = ?
              AND (stream_id = ? OR workflow_run_id IN (SELECT id FROM workflow_runs WHERE stream_id = ? AND org_id = ?))""";

    private static final String DELETE_STREAM = "DELETE FROM streams WHERE id = ? AND org_id = ?";

    private final DataSource dataSource;

    public StreamDeletion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Deletes the org's stream.
     *
     * @throws WorkflowException not found when the org has no such stream; a conflict while the
     *     stream has work going on, and nothing is deleted
     */
    public void delete(UUID orgId, UUID streamId) {
        Sql.transaction(dataSource, connection -> {
            Assignments.lockStream(connection, orgId, streamId);
            refuseWhileBusy(connection, orgId, streamId);
            execute(connection, DELETE_TASKS, orgId, streamId, orgId);
            execute(connection, DELETE_EXECUTIONS, orgId, streamId, streamId, orgId);
            execute(connection, DELETE_STREAM, streamId, orgId);
            return null;
        });
    }

    private static void refuseWhileBusy(Connection connection, UUID orgId, UUID streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BUSY)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            statement.setObject(3, orgId);
            statement.setObject(4, streamId);
            statement.setObject(5, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long runs = rs.getLong("running_runs");
                long tasks = rs.getLong("live_tasks");
                if (runs > 0 || tasks > 0) {
                    throw WorkflowException.conflict(
                            "stream_id",
                            "the stream has work going on (" + runs + " running run(s), " + tasks
                                    + " task(s) pending or being worked on); cancel its runs and delete it once "
                                    + "their agents have stopped");
                }
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
