package io.agentry.notify;

import io.agentry.db.Sql;
import io.agentry.queue.EndedTask;
import io.agentry.queue.TaskEndReaction;
import io.agentry.queue.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Raises {@code agent.failed} for every task that failed for good (its retries spent, or its agent
 * unusable), in the transaction that ends it: the event and its deliveries commit with the
 * failure, or neither does. The event is named by the task and its attempt number, so writing the
 * same end again raises nothing new, while a task retried by hand that fails again is a new event.
 *
 * <p>It concerns the tasks of a stream or a workflow run, which every agent task of the product
 * is; tasks enqueued on the queue directly (the benchmarks') pay nothing for it, and the
 * notifier's own tasks, which have neither, never notify of themselves.
 *
 * <p>Run failures and insights are raised by triggers (migration V12) where their rows are
 * written, whoever writes them.
 */
public final class AgentFailures implements TaskEndReaction {
    // A delivery task has no stream or run and is never passed here; the type test keeps it so
    // should that change, since a failed delivery raising an event would feed itself.
    private static final String RAISE = """
            SELECT agentry_webhook_event(t.org_id, 'agent.failed ' || t.id || ' ' || t.attempt, 'agent.failed',
                jsonb_build_object(
                    'task_id', t.id,
                    'execution_id', t.execution_id,
                    'agent_id', t.agent_id,
                    'agent_type', a.agent_type,
                    'agent_name', a.name,
                    'stream_id', t.payload ->> 'stream_id',
                    'workflow_run_id', t.workflow_run_id,
                    'attempts', t.attempt,
                    'error', t.error_message,
                    'failed_at', agentry_utc(t.completed_at)))
            FROM agent_tasks t LEFT JOIN ai_agents a ON a.id = t.agent_id
            WHERE t.id = ANY (?::uuid[]) AND t.status = 'failed' AND t.agent_type IS DISTINCT FROM 'webhook_notifier'
            """;

    @Override
    public boolean concerns(EndedTask task) {
        return task.streamId() != null || task.workflowRunId() != null;
    }

    @Override
    public void ended(Connection connection, List<EndedTask> tasks) throws SQLException {
        List<UUID> failed = tasks.stream()
                .filter(task -> task.status() == TaskStatus.FAILED)
                .map(EndedTask::taskId)
                .toList();
        if (failed.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(RAISE)) {
            statement.setArray(1, Sql.uuids(connection, failed));
            statement.executeQuery().close();
        }
    }
}
