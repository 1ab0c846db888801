package io.agentry.queue;

import io.agentry.db.BinaryCopy;
import io.agentry.db.Sql;
import io.agentry.queue.Owners.Owner;
import io.agentry.support.Ids;
import io.agentry.support.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enqueues a large batch by COPY, PostgreSQL's bulk load: rows reach the table pages in groups,
 * and the server reads ids, numbers and times in binary instead of parsing them. For 20,000 tasks
 * this took about a third less time than the insert statement.
 *
 * <p>It does what the insert statement does, in one transaction: it checks each distinct agent
 * and org pair and reads its agent's type, then writes the tasks, each with that type, and their
 * queued executions. A task without a scheduled time gets the transaction's {@code now()}, as the
 * insert would. The tasks' statement trigger notifies idle runners as it does for an insert.
 * COPY cannot skip a row, so a batch with dedupe keys takes the insert statement, which can.
 */
final class CopyEnqueue {
    /**
     * Smaller batches take the insert statement: measured, the two were even at 1,000 tasks, with
     * the insert's one round trip ahead below that and the copy ahead above (27 against 37 ms
     * for 2,000 tasks).
     */
    static final int MIN_TASKS = 1_000;

    /** One row per distinct agent and org pair of the batch: its agent's type, null when unknown. */
    private static final String CHECK_OWNERS = """
            SELECT now() AS now, p.agent_id, p.org_id, a.agent_type
            FROM unnest(?::uuid[], ?::uuid[]) AS p(agent_id, org_id)
            LEFT JOIN ai_agents a ON a.id = p.agent_id AND a.org_id = p.org_id
            """;

    private static final String COPY_TASKS = """
            COPY agent_tasks (id, agent_id, org_id, task_type, priority, payload, max_retries, scheduled_for,
                              timeout_seconds, execution_id, workflow_run_id, agent_type)
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
        Checked checked = checkOwners(connection, tasks);
        List<Enqueued> result = new ArrayList<>(tasks.size());
        List<byte[]> payloads = new ArrayList<>(tasks.size());
        try (BinaryCopy copy = BinaryCopy.start(connection, COPY_TASKS)) {
            for (NewTask task : tasks) {
                Enqueued enqueued = new Enqueued(Ids.newId(), Ids.newId(), true);
                byte[] payload = utf8Json(task.payload());
                result.add(enqueued);
                payloads.add(payload);
                copy.row(12)
                        .uuid(enqueued.taskId())
                        .uuid(task.agentId())
                        .uuid(task.orgId())
                        .text(task.taskType().sql())
                        .int4(task.priority())
                        .jsonb(payload)
                        .int4(task.maxRetries())
                        .timestamptz(task.scheduledFor() == null ? checked.now() : task.scheduledFor())
                        .int4(task.timeoutSeconds())
                        .uuid(enqueued.executionId())
                        .uuid(task.workflowRunId())
                        .text(checked.agentTypes().get(Owner.of(task)));
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

    /** The transaction's {@code now()} and the type of each pair's agent. */
    private record Checked(Instant now, Map<Owner, String> agentTypes) {}

    /** Throws when an agent of the batch is unknown in its org. */
    private static Checked checkOwners(Connection connection, List<NewTask> tasks) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHECK_OWNERS)) {
            Owners.bind(connection, statement, 1, tasks);
            Instant now = null;
            Map<Owner, String> agentTypes = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Owner owner = new Owner(Sql.uuid(rs, "agent_id"), Sql.uuid(rs, "org_id"));
                    String agentType = rs.getString("agent_type");
                    if (agentType == null) {
                        throw Owners.unknown(owner.agentId(), owner.orgId());
                    }
                    agentTypes.put(owner, agentType);
                    now = Sql.instant(rs, "now");
                }
            }
            return new Checked(now, agentTypes);
        }
    }

    private static byte[] utf8Json(Object value) {
        return Json.write(value).getBytes(StandardCharsets.UTF_8);
    }
}
