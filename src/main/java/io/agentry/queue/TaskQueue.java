package io.agentry.queue;

import io.agentry.db.DatabaseException;
import io.agentry.db.Sql;
import io.agentry.support.Ids;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The producer's side of the queue: enqueue, look up, cancel, retry, count and prune tasks.
 *
 * <p>Each task is created together with its {@code agent_executions} row ({@code queued}) in one
 * transaction, so an execution exists from the moment its task does: by one insert statement, or
 * by COPY for a large batch without dedupe keys ({@link CopyEnqueue}). An unknown agent, or one
 * of another organization, is refused with an {@link IllegalArgumentException} and nothing is
 * stored. A statement-level trigger notifies idle runners (channel {@code agentry_tasks}) in the
 * same transaction; runners of this process are also woken directly once it committed
 * ({@link LocalEnqueues}).
 */
public final class TaskQueue {
    private static final int MAX_ATTEMPTS_ON_DEDUPE_RACE = 5;

    private static final String COLUMNS =
            "id, agent_id, org_id, task_type, priority, payload, max_retries, scheduled_for, timeout_seconds,"
                    + " dedupe_key, execution_id, workflow_run_id";

    /** Many tasks: one array per column, expanded by unnest; the batch's agent and org pairs likewise. */
    private static final String INSERT_MANY = insert("""
            SELECT * FROM unnest(?::uuid[], ?::uuid[]) AS p(agent_id, org_id)""", """
            SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::int[],
                                 ?::timestamptz[], ?::int[], ?::text[], ?::uuid[], ?::uuid[])
                AS i(%s)""".formatted(COLUMNS));

    /** One task: scalar parameters, so the statement's plan is cached rather than made per call. */
    private static final String INSERT_ONE = insert("SELECT ?::uuid, ?::uuid", """
            SELECT ?::uuid, ?::uuid, ?::uuid, ?::text, ?::int, ?::text, ?::int, ?::timestamptz, ?::int,
                   ?::text, ?::uuid, ?::uuid""");

    /**
     * The agent of every task must exist and belong to the task's org: checked once per distinct
     * pair of the statement instead of by foreign keys row by row. When a pair fails the check,
     * nothing is inserted and that agent and org are returned instead. The same look-up gives each
     * task its agent's type, which the claim selects by.
     *
     * <p>Each execution is made from the row its task's insert returns: a task skipped for its
     * dedupe key gets none, and the input needs neither a second pass nor a join. Only tasks with
     * a dedupe key come back to the caller; every other task of the input is inserted whenever
     * the check passes.
     */
    private static String insert(String pairs, String input) {
        return """
                WITH pair (agent_id, org_id) AS (%s
                ), owner AS (
                    SELECT p.agent_id, p.org_id, a.agent_type
                    FROM pair p LEFT JOIN ai_agents a ON a.id = p.agent_id AND a.org_id = p.org_id
                ), unknown AS (
                    SELECT agent_id, org_id FROM owner WHERE agent_type IS NULL LIMIT 1
                ), input (%s) AS (%s
                ), task AS (
                    INSERT INTO agent_tasks (%s, agent_type)
                    SELECT i.id, i.agent_id, i.org_id, i.task_type, i.priority, i.payload::jsonb, i.max_retries,
                           coalesce(i.scheduled_for, now()), i.timeout_seconds, i.dedupe_key, i.execution_id,
                           i.workflow_run_id, o.agent_type
                    FROM input i JOIN owner o ON o.agent_id = i.agent_id AND o.org_id = i.org_id
                    WHERE NOT EXISTS (SELECT 1 FROM unknown)
                    ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('pending', 'processing')
                    DO NOTHING
                    RETURNING id, execution_id, agent_id, org_id, payload, workflow_run_id, dedupe_key
                ), execution AS (
                    INSERT INTO agent_executions (id, agent_id, org_id, stream_id, input_data, goal_context,
                                                  task_id, workflow_run_id)
                    SELECT execution_id, agent_id, org_id, (payload ->> 'stream_id')::uuid, payload,
                           payload -> 'goal_context', id, workflow_run_id
                    FROM task
                )
                SELECT id, NULL::uuid AS unknown_agent, NULL::uuid AS unknown_org FROM task
                WHERE dedupe_key IS NOT NULL
                UNION ALL
                SELECT NULL, agent_id, org_id FROM unknown
                """.formatted(pairs, COLUMNS, input, COLUMNS);
    }

    private static final String LIVE_BY_DEDUPE_KEY = """
            SELECT id, execution_id FROM agent_tasks
            WHERE dedupe_key = ? AND status IN ('pending', 'processing')
            """;

    private static final String SELECT = "SELECT * FROM agent_tasks WHERE id = ?";

    // Guarded UPDATEs rather than lock-then-update: each re-checks its status on the newest row
    // version. A task that changed state between the two (claimed at that very moment) matches
    // neither; cancel() then looks again.
    private static final String CANCEL = """
            WITH pending AS (
                UPDATE agent_tasks SET status = 'cancelled', completed_at = now(), error_message = 'cancelled'
                WHERE id = ? AND status = 'pending'
                RETURNING id, status, execution_id, agent_id, org_id, workflow_run_id, error_message,
                          payload ->> 'stream_id' AS stream_id, NULL::int AS duration_ms
            ), processing AS (
                UPDATE agent_tasks SET cancel_requested_at = coalesce(cancel_requested_at, now())
                WHERE id = ? AND status = 'processing'
                RETURNING id
            ), execution AS (
                UPDATE agent_executions e
                SET status = 'cancelled', completed_at = now(), error_message = 'cancelled'
                FROM pending WHERE e.id = pending.execution_id
            )
            SELECT (SELECT count(pg_notify('agentry_cancel', id::text)) FROM processing) > 0 AS requested,
                   (SELECT status FROM agent_tasks WHERE id = ?) AS status_before,
                   p.id, p.status, p.execution_id, p.agent_id, p.org_id, p.stream_id::uuid, p.workflow_run_id,
                   p.duration_ms, p.error_message
            FROM (SELECT) AS one LEFT JOIN pending p ON true
            """;

    // A failed task takes its agent's type again: the agent's type may have changed since (live
    // tasks follow such a change; ended ones do not). A task whose agent was deleted keeps its type
    // and fails at its claim, saying so; one that ended before types were recorded (migration V4)
    // and whose agent is gone has none, and cannot be retried.
    private static final String RETRY = """
            WITH task AS (
                UPDATE agent_tasks t
                SET status = 'pending', retry_count = 0, scheduled_for = now(), completed_at = NULL,
                    cancel_requested_at = NULL,
                    agent_type = coalesce((SELECT a.agent_type FROM ai_agents a WHERE a.id = t.agent_id), t.agent_type)
                WHERE t.id = ? AND t.status = 'failed'
                  AND (t.agent_type IS NOT NULL OR EXISTS (SELECT 1 FROM ai_agents a WHERE a.id = t.agent_id))
                RETURNING t.id, t.execution_id
            ), execution AS (
                UPDATE agent_executions e
                SET status = 'queued', completed_at = NULL
                FROM task WHERE e.id = task.execution_id
            )
            SELECT id, pg_notify('agentry_tasks', '') FROM task
            """;

    private static final String COUNT_BY_STATUS = "SELECT status, count(*) FROM agent_tasks GROUP BY status";

    private static final String COUNT_BY_STATUS_OF_ORG =
            "SELECT status, count(*) FROM agent_tasks WHERE org_id = ? GROUP BY status";

    private static final String RECENT = "SELECT * FROM agent_tasks ORDER BY created_at DESC, id DESC LIMIT ?";

    private static final String RECENT_OF_ORG =
            "SELECT * FROM agent_tasks WHERE org_id = ? ORDER BY created_at DESC, id DESC LIMIT ?";

    private static final String PRUNE = """
            DELETE FROM agent_tasks WHERE id IN (
                SELECT id FROM agent_tasks
                WHERE status = 'completed' AND completed_at < now() - make_interval(secs => ?)
                LIMIT ?)
            """;

    private final DataSource dataSource;
    private final TaskEnds ends;

    /** A queue whose cancelled tasks run the {@linkplain TaskEnds#installed() installed} reactions. */
    public TaskQueue(DataSource dataSource) {
        this(dataSource, TaskEnds.installed());
    }

    public TaskQueue(DataSource dataSource, TaskEnds ends) {
        this.dataSource = dataSource;
        this.ends = ends;
    }

    /** Enqueues one task (one round trip unless its dedupe key is taken). */
    public Enqueued enqueue(NewTask task) {
        return enqueueAll(List.of(task)).get(0);
    }

    /**
     * Enqueues many tasks in one transaction and a fixed number of round trips. The result
     * lists, in order, the task each input stands for: a new one, or the live task that already
     * held its dedupe key. Values the database cannot hold (the character U+0000 in a payload, a
     * date past its range) are refused with an {@link IllegalArgumentException} carrying its
     * reason, and nothing is stored.
     */
    public List<Enqueued> enqueueAll(List<NewTask> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            List<Enqueued> result = insertRefusingBadValues(tasks);
            if (!result.contains(null)) {
                if (result.stream().anyMatch(Enqueued::created)) {
                    LocalEnqueues.enqueued();
                }
                return result;
            }
            // A live task held the key at insert time but ended before we read it: insert again.
            if (attempt == MAX_ATTEMPTS_ON_DEDUPE_RACE) {
                throw new IllegalStateException("dedupe key kept changing hands; gave up after " + attempt + " tries");
            }
        }
    }

    /**
     * Enqueues many tasks inside the caller's transaction on {@code connection}: they exist if and
     * only if that transaction commits. Runners of this process are woken once it has committed
     * when it is a {@link Sql#transaction}; other nodes' runners, and these otherwise, by the
     * NOTIFY that the commit sends. Bad values are refused as by {@link #enqueueAll(List)}; the
     * transaction is then the caller's to roll back.
     */
    public static List<Enqueued> enqueueAll(Connection connection, List<NewTask> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<Enqueued> result;
        try {
            result = insert(connection, tasks);
        } catch (SQLException e) {
            DatabaseException refused = new DatabaseException(e);
            if (refused.isDataError()) {
                throw new IllegalArgumentException("the database refused a task: " + e.getMessage(), e);
            }
            throw e;
        }
        if (result.contains(null)) {
            // Only possible when a task holding a dedupe key ended while this insert ran; inside
            // a transaction the insert cannot simply be made again.
            throw new IllegalStateException("a dedupe key changed hands while enqueuing; try again");
        }
        if (result.stream().anyMatch(Enqueued::created)) {
            Sql.afterCommit(connection, LocalEnqueues::enqueued);
        }
        return result;
    }

    private List<Enqueued> insertRefusingBadValues(List<NewTask> tasks) {
        try {
            if (CopyEnqueue.suits(tasks)) {
                return Sql.transaction(dataSource, connection -> CopyEnqueue.enqueue(connection, tasks));
            }
            return Sql.run(dataSource, connection -> insert(connection, tasks));
        } catch (DatabaseException e) {
            if (e.isDataError()) {
                throw new IllegalArgumentException("the database refused a task: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static List<Enqueued> insert(Connection connection, List<NewTask> tasks) throws SQLException {
        int n = tasks.size();
        List<UUID> ids = new ArrayList<>(n);
        List<UUID> executionIds = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ids.add(Ids.newId());
            executionIds.add(Ids.newId());
        }
        Set<UUID> insertedWithKey = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(n == 1 ? INSERT_ONE : INSERT_MANY)) {
            if (n == 1) {
                bindOne(statement, tasks.get(0), ids.get(0), executionIds.get(0));
            } else {
                bindMany(connection, statement, tasks, ids, executionIds);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Owners.refuseUnknown(rs);
                    insertedWithKey.add(Sql.uuid(rs, "id"));
                }
            }
        }
        List<Enqueued> result = new ArrayList<>(n);
        Map<String, Enqueued> live = new HashMap<>();
        for (int k = 0; k < n; k++) {
            String dedupeKey = tasks.get(k).dedupeKey();
            if (dedupeKey == null || insertedWithKey.contains(ids.get(k))) {
                result.add(new Enqueued(ids.get(k), executionIds.get(k), true));
                if (dedupeKey != null) {
                    live.put(dedupeKey, new Enqueued(ids.get(k), executionIds.get(k), false));
                }
            } else {
                result.add(live.computeIfAbsent(dedupeKey, key -> liveByDedupeKey(connection, key)));
            }
        }
        return result;
    }

    private static void bindOne(PreparedStatement statement, NewTask task, UUID id, UUID executionId)
            throws SQLException {
        int i = 1;
        statement.setObject(i++, task.agentId());
        statement.setObject(i++, task.orgId());
        statement.setObject(i++, id);
        statement.setObject(i++, task.agentId());
        statement.setObject(i++, task.orgId());
        statement.setString(i++, task.taskType().sql());
        statement.setInt(i++, task.priority());
        statement.setString(i++, Json.write(task.payload()));
        statement.setInt(i++, task.maxRetries());
        statement.setTimestamp(i++, Sql.timestamp(task.scheduledFor()));
        statement.setObject(i++, task.timeoutSeconds(), Types.INTEGER);
        statement.setString(i++, task.dedupeKey());
        statement.setObject(i++, executionId);
        statement.setObject(i, task.workflowRunId());
    }

    private static void bindMany(
            Connection connection,
            PreparedStatement statement,
            List<NewTask> tasks,
            List<UUID> ids,
            List<UUID> executionIds)
            throws SQLException {
        int n = tasks.size();
        var agentIds = new ArrayList<UUID>(n);
        var orgIds = new ArrayList<UUID>(n);
        var types = new ArrayList<String>(n);
        var priorities = new ArrayList<Integer>(n);
        var payloads = new ArrayList<String>(n);
        var maxRetries = new ArrayList<Integer>(n);
        var scheduledFor = new ArrayList<Instant>(n);
        var timeouts = new ArrayList<Integer>(n);
        var dedupeKeys = new ArrayList<String>(n);
        var runIds = new ArrayList<UUID>(n);
        for (NewTask task : tasks) {
            agentIds.add(task.agentId());
            orgIds.add(task.orgId());
            types.add(task.taskType().sql());
            priorities.add(task.priority());
            payloads.add(Json.write(task.payload()));
            maxRetries.add(task.maxRetries());
            scheduledFor.add(task.scheduledFor());
            timeouts.add(task.timeoutSeconds());
            dedupeKeys.add(task.dedupeKey());
            runIds.add(task.workflowRunId());
        }
        Owners.bind(connection, statement, 1, tasks);
        int i = 3;
        statement.setArray(i++, Sql.uuids(connection, ids));
        statement.setArray(i++, Sql.uuids(connection, agentIds));
        statement.setArray(i++, Sql.uuids(connection, orgIds));
        statement.setArray(i++, Sql.texts(connection, types));
        statement.setArray(i++, Sql.ints(connection, priorities));
        statement.setArray(i++, Sql.texts(connection, payloads));
        statement.setArray(i++, Sql.ints(connection, maxRetries));
        statement.setArray(i++, Sql.timestamps(connection, scheduledFor));
        statement.setArray(i++, Sql.ints(connection, timeouts));
        statement.setArray(i++, Sql.texts(connection, dedupeKeys));
        statement.setArray(i++, Sql.uuids(connection, executionIds));
        statement.setArray(i, Sql.uuids(connection, runIds));
    }

    private static Enqueued liveByDedupeKey(Connection connection, String key) {
        try (PreparedStatement statement = connection.prepareStatement(LIVE_BY_DEDUPE_KEY)) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new Enqueued(Sql.uuid(rs, "id"), Sql.uuid(rs, "execution_id"), false) : null;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public Optional<Task> find(UUID id) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(TaskRows.task(rs)) : Optional.<Task>empty();
                }
            }
        });
    }

    /** What {@link #cancel} did. */
    public enum CancelResult {
        /** The task was pending and is now cancelled. */
        CANCELLED,
        /** The task is running; its agent is being interrupted and the task will end cancelled. */
        CANCEL_REQUESTED,
        /** The task had already ended; nothing changed. */
        ALREADY_ENDED,
        NOT_FOUND
    }

    /**
     * Cancels a task: a pending one at once (with the reactions to its end, in the same
     * transaction), a processing one by asking its runner to stop its agent.
     */
    public CancelResult cancel(UUID id) {
        return Sql.transaction(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CANCEL)) {
                for (int i = 1; i <= 3; i++) {
                    statement.setObject(i, id);
                }
                while (true) {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        if (rs.getObject("id") != null) {
                            List<EndedTask> ended = new ArrayList<>(1);
                            Leases.endedTask(rs, ended);
                            ends.react(connection, ended);
                            return CancelResult.CANCELLED;
                        }
                        if (rs.getBoolean("requested")) {
                            return CancelResult.CANCEL_REQUESTED;
                        }
                        String status = rs.getString("status_before");
                        if (status == null) {
                            return CancelResult.NOT_FOUND;
                        }
                        if (TaskStatus.of(status).isTerminal()) {
                            return CancelResult.ALREADY_ENDED;
                        }
                        // claimed or released while we looked: try again on its new state
                    }
                }
            }
        });
    }

    /**
     * Puts a failed task back to pending with its retries restored and its agent's current type;
     * false if it was not failed (or is a task of a deleted agent whose type was never recorded).
     */
    public boolean retry(UUID id) {
        boolean retried = Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RETRY)) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (retried) {
            LocalEnqueues.enqueued();
        }
        return retried;
    }

    /** Task counts by status, every status present (zero when none). */
    public Map<TaskStatus, Long> countByStatus() {
        return countByStatus(null);
    }

    /** The org's task counts by status (every org's when {@code orgId} is null), every status present. */
    public Map<TaskStatus, Long> countByStatus(UUID orgId) {
        return Sql.run(dataSource, connection -> {
            Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
            for (TaskStatus status : TaskStatus.values()) {
                counts.put(status, 0L);
            }
            try (PreparedStatement statement =
                    connection.prepareStatement(orgId == null ? COUNT_BY_STATUS : COUNT_BY_STATUS_OF_ORG)) {
                if (orgId != null) {
                    statement.setObject(1, orgId);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        counts.put(TaskStatus.of(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /** The newest tasks of the org (of every org when {@code orgId} is null), newest first. */
    public List<Task> recent(UUID orgId, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(orgId == null ? RECENT : RECENT_OF_ORG)) {
                int i = 1;
                if (orgId != null) {
                    statement.setObject(i++, orgId);
                }
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

    /**
     * Deletes completed tasks that completed more than {@code retention} ago, at most {@code limit}
     * of them; their executions stay as history.
     */
    public int pruneCompleted(Duration retention, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PRUNE)) {
                statement.setDouble(1, retention.toMillis() / 1000.0);
                statement.setInt(2, limit);
                return statement.executeUpdate();
            }
        });
    }
}
