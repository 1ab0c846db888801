package io.agentry.workflow;

import io.agentry.db.Sql;
import io.agentry.queue.EndedTask;
import io.agentry.queue.TaskEndReaction;
import io.agentry.queue.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps an assignment's counters true, in the transaction that ends each execution of its agent
 * on its stream: every execution that ended completed or failed counts in {@code
 * total_executions} and sets {@code last_executed_at}; completed ones count in {@code
 * successful_executions}, and {@code avg_execution_time_ms} is the mean duration of those. A
 * cancelled execution did not run to an end and counts nowhere.
 */
public final class AssignmentCounters implements TaskEndReaction {
    private static final String COUNT = """
            UPDATE stream_agent_assignments a
            SET total_executions = a.total_executions + x.total,
                successful_executions = a.successful_executions + x.successful,
                total_execution_time_ms = a.total_execution_time_ms + x.successful_ms,
                avg_execution_time_ms = CASE WHEN a.successful_executions + x.successful > 0
                    THEN round((a.total_execution_time_ms + x.successful_ms)::numeric
                               / (a.successful_executions + x.successful)) END,
                last_executed_at = now(), updated_at = now()
            FROM (SELECT stream_id, agent_id, count(*) AS total, count(*) FILTER (WHERE ok) AS successful,
                         coalesce(sum(duration_ms) FILTER (WHERE ok), 0) AS successful_ms
                  FROM unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::int[]) AS e(stream_id, agent_id, ok, duration_ms)
                  GROUP BY stream_id, agent_id) x
            WHERE a.stream_id = x.stream_id AND a.agent_id = x.agent_id
            """;

    @Override
    public boolean concerns(EndedTask task) {
        return task.streamId() != null;
    }

    @Override
    public void ended(Connection connection, List<EndedTask> ended) throws SQLException {
        List<EndedTask> tasks =
                ended.stream().filter(t -> t.status() != TaskStatus.CANCELLED).toList();
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setArray(
                    1,
                    Sql.uuids(
                            connection, tasks.stream().map(EndedTask::streamId).toList()));
            statement.setArray(
                    2,
                    Sql.uuids(connection, tasks.stream().map(EndedTask::agentId).toList()));
            statement.setArray(
                    3,
                    connection.createArrayOf(
                            "bool",
                            tasks.stream()
                                    .map(t -> t.status() == TaskStatus.COMPLETED)
                                    .toArray()));
            statement.setArray(
                    4,
                    Sql.ints(
                            connection,
                            tasks.stream().map(EndedTask::durationMs).toList()));
            statement.executeUpdate();
        }
    }
}
