package io.agentry.queue;

import io.agentry.db.BinaryCopy;
import io.agentry.db.Sql;
import io.agentry.support.Ids;
import io.agentry.support.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Enqueues a large batch by COPY, PostgreSQL's bulk load: rows reach the table pages in groups,
 * and the server reads ids, numbers and times in binary instead of parsing them. For 20,000 tasks
 * this took about a third less time than the insert statement.
 *
 * <p>It does what the insert statement does, in one transaction: it checks each distinct agent
 * and org pair, then writes the tasks and their queued executions. A task without a scheduled
 * time gets the transaction's {@code now()}, as the insert would. The tasks' statement trigger
 * notifies idle runners as it does for an insert. COPY cannot skip a row, so a batch with dedupe
 * keys takes the insert statement, which can.
 */
final class CopyEnqueue {
    /**
     * Smaller batches take the insert statement: measured, the two were even at 1,000 tasks, with
     * the insert's one round trip ahead below that and the copy ahead above (27 against 37 ms
     * for 2,000 tasks).
     */
    static final int MIN_TASKS = 1_000;

    private static final String CHECK_OWNERS = """
            SELECT n.now, u.agent_id AS unknown_agent, u.org_id AS unknown_org
            FROM (SELECT now() AS now) AS n
            LEFT JOIN LATERAL (
                SELECT p.agent_id, p.org_id FROM unnest(?::uuid[], ?::uuid[]) AS p(agent_id, org_id)
                WHERE NOT EXISTS (SELECT 1 FROM ai_agents a WHERE a.id = p.agent_id AND a.org_id = p.org_id)
                LIMIT 1
            ) AS u ON true
            """;

    private static final String COPY_TASKS = """
            COPY agent_tasks (id, agent_id, org_id, task_type, priority, payload, max_retries, scheduled_for,
                              timeout_seconds, execution_id, workflow_run_id)
            FROM STDIN (FORMAT binary)""";

    private static final String COPY_EXECUTIONS = """
            COPY agent_executions (id, agent_id, org_id, stream_id, input_data, goal_context, task_id,
                                   workflow_run_id)
            FROM STDIN (FORMAT binary)""";

    private CopyEnqueue() {}

    static boolean suits(List<NewTask> tasks) {
        return tasks.size() >= MIN_TASKS && tasks.stream().allMatch(task -> task.dedupeKey() == null);
    }

    /** Runs in the caller's transaction, which must commit for the tasks to exist. */
    static List<Enqueued> enqueue(Connection connection, List<NewTask> tasks) throws SQLException {
        Instant now = checkOwners(connection, tasks);
        List<Enqueued> result = new ArrayList<>(tasks.size());
        List<byte[]> payloads = new ArrayList<>(tasks.size());
        try (BinaryCopy copy = BinaryCopy.start(connection, COPY_TASKS)) {
            for (NewTask task : tasks) {
                Enqueued enqueued = new Enqueued(Ids.newId(), Ids.newId(), true);
                byte[] payload = utf8Json(task.payload());
                result.add(enqueued);
                payloads.add(payload);
                copy.row(11)
                        .uuid(enqueued.taskId())
                        .uuid(task.agentId())
                        .uuid(task.orgId())
                        .text(task.taskType().sql())
                        .int4(task.priority())
                        .jsonb(payload)
                        .int4(task.maxRetries())
                        .timestamptz(task.scheduledFor() == null ? now : task.scheduledFor())
                        .int4(task.timeoutSeconds())
                        .uuid(enqueued.executionId())
                        .uuid(task.workflowRunId());
            }
            copy.finish();
        }
        try (BinaryCopy copy = BinaryCopy.start(connection, COPY_EXECUTIONS)) {
            for (int k = 0; k < tasks.size(); k++) {
                NewTask task = tasks.get(k);
                Enqueued enqueued = result.get(k);
                var goalContext = task.payload().get("goal_context");
                copy.row(8)
                        .uuid(enqueued.executionId())
                        .uuid(task.agentId())
                        .uuid(task.orgId())
                        .uuid(task.streamId())
                        .jsonb(payloads.get(k))
                        .jsonb(goalContext == null ? null : utf8Json(goalContext))
                        .uuid(enqueued.taskId())
                        .uuid(task.workflowRunId());
            }
            copy.finish();
        }
        return result;
    }

    /** Throws when an agent of the batch is unknown in its org; else returns the transaction's now(). */
    private static Instant checkOwners(Connection connection, List<NewTask> tasks) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHECK_OWNERS)) {
            Owners.bind(connection, statement, 1, tasks);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Owners.refuseUnknown(rs);
                return Sql.instant(rs, "now");
            }
        }
    }

    private static byte[] utf8Json(Object value) {
        return Json.write(value).getBytes(StandardCharsets.UTF_8);
    }
}
