package io.agentry.queue;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The runner's side of the queue: claim, renew, finish and rescue. Every statement here is one
 * round trip for a whole batch.
 *
 * <p><b>Claim.</b> A node claims only tasks of the agent types it runs. For each of them, an inner
 * {@code SELECT … FOR UPDATE SKIP LOCKED} walks that type's part of the partial index {@code
 * agent_tasks_claim} in claim order (priority 10 first, then earliest {@code scheduled_for}, then
 * id) and skips rows another node is claiming right now, so two nodes never take the same task
 * and never wait on each other. The best of those candidates, across types, are claimed. The claim
 * bumps {@code attempt}: that number is the fencing token of this claim.
 *
 * <p><b>Lease.</b> A claimed task carries {@code lease_expires_at}, computed with the database
 * clock. The holder renews it by heartbeat; when it stops (the process died, the network broke),
 * the rescuer returns the task to pending once the lease has run out.
 *
 * <p><b>Fencing.</b> Every terminal update matches {@code id, attempt, status='processing'}. A node
 * whose lease ran out and whose task was claimed again holds a stale attempt number, so its late
 * result matches no row and changes nothing.
 */
public final class Leases {

    // Meant for sessions of Database.queueDataSource(), where sorts, bitmap scans, hash and merge
    // joins are off: its plan walks agent_tasks_claim in claim order once per agent type, and finds
    // each claimed row by primary key, whatever the statistics say. So the LIMIT can be a
    // parameter, and one generic plan per session serves every batch size and set of types.
    //
    // The index leads with the agent type, so each walk reads only its own type's tasks and stops
    // after n: tasks of types this node does not run are never read, however many wait. Each walk
    // locks up to n candidates, and the claim keeps the best n of them all (the only sort, of at
    // most n per type); the candidates it does not keep are free again when the statement commits,
    // a millisecond later. A claim running at that moment skips them, as it skips every locked row.
    //
    // The update does not test the status again: the rows are locked, so it cannot have changed,
    // and the test would let the planner drive the update from the claim index (after statistics
    // of an idle queue it expects one pending task there), matching every pending task against the
    // whole batch.
    static final String CLAIM = """
            WITH candidate AS (
                SELECT c.id, c.priority, c.scheduled_for
                FROM unnest(?::text[]) AS k(agent_type)
                CROSS JOIN LATERAL (
                    SELECT id, priority, scheduled_for FROM agent_tasks
                    WHERE status = 'pending' AND agent_type = k.agent_type AND scheduled_for <= now()
                    ORDER BY priority DESC, scheduled_for, id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED
                ) AS c
            ), next AS (
                SELECT id FROM candidate
                ORDER BY priority DESC, scheduled_for, id
                LIMIT ?
            ), claimed AS (
                UPDATE agent_tasks t
                SET status = 'processing', attempt = t.attempt + 1, locked_by = ?, started_at = now(),
                    lease_expires_at = now() + make_interval(secs => ?)
                FROM next WHERE t.id = next.id
                RETURNING t.id, t.attempt, t.agent_id, t.org_id, t.task_type, t.priority, t.payload,
                          t.retry_count, t.max_retries, t.timeout_seconds, t.execution_id,
                          t.workflow_run_id, t.scheduled_for
            )
            SELECT c.*, a.agent_type, a.name AS agent_name, coalesce(a.is_active, false) AS agent_active,
                   a.configuration
            FROM claimed c LEFT JOIN ai_agents a ON a.id = c.agent_id
            ORDER BY c.priority DESC, c.scheduled_for, c.id
            """;

    private static final String MARK_RUNNING = """
            UPDATE agent_executions e
            SET status = 'running', started_at = coalesce(e.started_at, t.started_at), attempts = t.attempt
            FROM unnest(?::uuid[], ?::int[]) AS m(id, attempt)
            JOIN agent_tasks t ON t.id = m.id AND t.attempt = m.attempt AND t.status = 'processing'
            WHERE e.id = t.execution_id
            """;

    static final String RENEW = """
            UPDATE agent_tasks t SET lease_expires_at = now() + make_interval(secs => ?)
            FROM unnest(?::uuid[], ?::int[]) AS held(id, attempt)
            WHERE t.id = held.id AND t.attempt = held.attempt AND t.status = 'processing'
            RETURNING t.id, t.cancel_requested_at IS NOT NULL AS cancel_requested
            """;

    // One UPDATE whose WHERE is the fence: when a concurrent writer (the heartbeat, the rescuer)
    // changed the row first, PostgreSQL re-checks id, attempt and status on the newest version
    // before applying, and computes the new values from it. Cancelled wins over a retry or a
    // release; a completed result stays completed. The task update returns what the execution
    // update needs, outcome columns included, so the second update joins one row set by primary
    // key: a plan that stays right when made once for every batch size.
    // What the statements that end tasks return about each: enough for an EndedTask.
    private static final String ENDED_COLUMNS =
            "id, status, execution_id, agent_id, org_id, stream_id::uuid, workflow_run_id, duration_ms, error_message";

    static final String FINISH = """
            WITH task AS (
                UPDATE agent_tasks t
                SET status = CASE WHEN t.cancel_requested_at IS NOT NULL AND o.kind <> 'completed' THEN 'cancelled'
                                  WHEN o.kind IN ('retry', 'released') THEN 'pending'
                                  ELSE o.kind END,
                    retry_count = t.retry_count
                        + CASE WHEN o.kind = 'retry' AND t.cancel_requested_at IS NULL THEN 1 ELSE 0 END,
                    scheduled_for = CASE WHEN o.kind IN ('retry', 'released') AND t.cancel_requested_at IS NULL
                        THEN now() + o.retry_delay_ms * interval '1 millisecond' ELSE t.scheduled_for END,
                    completed_at = CASE WHEN o.kind IN ('retry', 'released') AND t.cancel_requested_at IS NULL
                        THEN NULL ELSE now() END,
                    error_message = CASE WHEN t.cancel_requested_at IS NOT NULL AND o.kind <> 'completed'
                        THEN coalesce(o.error, 'cancelled') ELSE o.error END,
                    locked_by = NULL, lease_expires_at = NULL
                FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::jsonb[], ?::jsonb[], ?::jsonb[],
                            ?::int[], ?::int8[])
                    AS o(id, attempt, kind, error, output, summary, metrics, duration_ms, retry_delay_ms)
                WHERE t.id = o.id AND t.attempt = o.attempt AND t.status = 'processing'
                RETURNING t.id, t.status, t.execution_id, t.started_at, t.attempt, t.error_message,
                          t.agent_id, t.org_id, t.workflow_run_id, t.payload ->> 'stream_id' AS stream_id,
                          o.output, o.summary, o.metrics, o.duration_ms
            ), execution AS (
                UPDATE agent_executions e
                SET status = CASE r.status WHEN 'pending' THEN 'queued' ELSE r.status END,
                    completed_at = CASE WHEN r.status = 'pending' THEN NULL ELSE now() END,
                    started_at = coalesce(e.started_at, r.started_at),
                    attempts = r.attempt,
                    duration_ms = coalesce(r.duration_ms, e.duration_ms),
                    output_data = coalesce(r.output, e.output_data),
                    results_summary = coalesce(r.summary, e.results_summary),
                    metrics = coalesce(r.metrics, e.metrics),
                    error_message = r.error_message
                FROM task r
                WHERE e.id = r.execution_id
            )
            SELECT %s FROM task
            """.formatted(ENDED_COLUMNS);

    // As in the claim, the update does not test the rows its sub-select has locked again: with
    // the test, statistics taken while nothing was processing led PostgreSQL to drive the update
    // from a walk of every expired lease, each matched against the whole batch (828 ms for a
    // pass of 1,000 among 5,000 expired leases, against 19 ms).
    static final String RESCUE = """
            WITH expired AS (
                SELECT id FROM agent_tasks
                WHERE status = 'processing' AND lease_expires_at < now()
                ORDER BY lease_expires_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            ), rescued AS (
                UPDATE agent_tasks t
                SET status = CASE WHEN t.cancel_requested_at IS NOT NULL THEN 'cancelled'
                                  WHEN t.retry_count < t.max_retries THEN 'pending'
                                  ELSE 'failed' END,
                    retry_count = t.retry_count + CASE WHEN t.cancel_requested_at IS NULL
                                                        AND t.retry_count < t.max_retries THEN 1 ELSE 0 END,
                    completed_at = CASE WHEN t.cancel_requested_at IS NULL AND t.retry_count < t.max_retries
                                        THEN NULL ELSE now() END,
                    scheduled_for = now(),
                    error_message = format('lease expired: node %%s stopped renewing attempt %%s',
                                           t.locked_by, t.attempt),
                    locked_by = NULL, lease_expires_at = NULL
                FROM expired
                WHERE t.id = expired.id
                RETURNING t.id, t.status, t.execution_id, t.error_message, t.attempt,
                          t.agent_id, t.org_id, t.workflow_run_id, t.payload ->> 'stream_id' AS stream_id,
                          NULL::int AS duration_ms
            ), execution AS (
                UPDATE agent_executions e
                SET status = CASE r.status WHEN 'pending' THEN 'queued' ELSE r.status END,
                    attempts = r.attempt,
                    completed_at = CASE WHEN r.status = 'pending' THEN NULL ELSE now() END,
                    error_message = r.error_message
                FROM rescued r WHERE e.id = r.execution_id
            )
            SELECT %s FROM rescued
            """.formatted(ENDED_COLUMNS);

    private final DataSource dataSource;
    private final TaskEnds ends;

    /**
     * A runner passes {@link io.agentry.db.Database#queueDataSource()}, for whose planner settings
     * the claim, renewal and finish statements are written (see there why); the rescuer passes the
     * main pool. Tasks that end here run the {@linkplain TaskEnds#installed() installed} reactions.
     */
    public Leases(DataSource dataSource) {
        this(dataSource, TaskEnds.installed());
    }

    public Leases(DataSource dataSource, TaskEnds ends) {
        this.dataSource = dataSource;
        this.ends = ends;
    }

    /**
     * Claims up to {@code limit} due tasks of the given agent types for {@code nodeId}, each with a
     * lease of {@code ttl}. No types, no tasks (and no round trip).
     */
    public List<ClaimedTask> claim(String nodeId, Set<String> agentTypes, int limit, Duration ttl) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (agentTypes.isEmpty()) {
            return List.of();
        }
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setArray(1, Sql.texts(connection, agentTypes));
                statement.setInt(2, limit);
                statement.setInt(3, limit);
                statement.setString(4, nodeId);
                statement.setDouble(5, seconds(ttl));
                List<ClaimedTask> claimed = new ArrayList<>(limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(claimed(rs));
                    }
                }
                return claimed;
            }
        });
    }

    /**
     * Records that the agents of these claims (task id → attempt) started: their executions become
     * {@code running}. Claims that ended or moved on are left alone.
     */
    public void markRunning(Map<UUID, Integer> started) {
        if (started.isEmpty()) {
            return;
        }
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(MARK_RUNNING)) {
                List<UUID> ids = new ArrayList<>(started.keySet());
                statement.setArray(1, Sql.uuids(connection, ids));
                statement.setArray(
                        2, Sql.ints(connection, ids.stream().map(started::get).toList()));
                return statement.executeUpdate();
            }
        });
    }

    private static ClaimedTask claimed(ResultSet rs) throws SQLException {
        return new ClaimedTask(
                Sql.uuid(rs, "id"),
                rs.getInt("attempt"),
                Sql.uuid(rs, "agent_id"),
                Sql.uuid(rs, "org_id"),
                TaskType.of(rs.getString("task_type")),
                rs.getInt("priority"),
                Json.read(rs.getString("payload")),
                rs.getInt("retry_count"),
                rs.getInt("max_retries"),
                Sql.integer(rs, "timeout_seconds"),
                Sql.uuid(rs, "execution_id"),
                Sql.uuid(rs, "workflow_run_id"),
                rs.getString("agent_type"),
                rs.getString("agent_name"),
                rs.getBoolean("agent_active"),
                Json.read(rs.getString("configuration")));
    }

    /** What a renewal found out about the tasks a node holds. */
    public record Renewal(Set<UUID> renewed, Set<UUID> cancelRequested) {}

    /**
     * Extends the leases of the given claims (task id → attempt). A task missing from {@code
     * renewed} is no longer this node's: its lease ran out and it was rescued, or it ended.
     */
    public Renewal renew(Map<UUID, Integer> held, Duration ttl) {
        if (held.isEmpty()) {
            return new Renewal(Set.of(), Set.of());
        }
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RENEW)) {
                List<UUID> ids = new ArrayList<>(held.keySet());
                List<Integer> attempts = new ArrayList<>(ids.size());
                ids.forEach(id -> attempts.add(held.get(id)));
                statement.setDouble(1, seconds(ttl));
                statement.setArray(2, Sql.uuids(connection, ids));
                statement.setArray(3, Sql.ints(connection, attempts));
                Set<UUID> renewed = new HashSet<>();
                Set<UUID> cancelRequested = new HashSet<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        UUID id = Sql.uuid(rs, "id");
                        renewed.add(id);
                        if (rs.getBoolean("cancel_requested")) {
                            cancelRequested.add(id);
                        }
                    }
                }
                return new Renewal(renewed, cancelRequested);
            }
        });
    }

    /**
     * Applies the outcomes of finished attempts, with the reactions to the tasks that ended, in
     * one transaction (when any reaction concerns them), and returns the ids of the tasks whose outcome was applied; an outcome for
     * a stale attempt is ignored (fencing).
     */
    public Set<UUID> finish(Collection<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Set.of();
        }
        // Ends no reaction concerns are one statement in auto-commit: the plain queue pays no
        // transaction for the features above it.
        boolean reactions = outcomes.stream().anyMatch(o -> ends.concernsAny(o.streamId(), o.workflowRunId()));
        return reactions
                ? Sql.transaction(dataSource, connection -> finish(connection, outcomes))
                : Sql.run(dataSource, connection -> finish(connection, outcomes));
    }

    private Set<UUID> finish(Connection connection, Collection<Outcome> outcomes) throws SQLException {
        int n = outcomes.size();
        var ids = new ArrayList<UUID>(n);
        var attempts = new ArrayList<Integer>(n);
        var kinds = new ArrayList<String>(n);
        var errors = new ArrayList<String>(n);
        var outputs = new ArrayList<String>(n);
        var summaries = new ArrayList<String>(n);
        var metrics = new ArrayList<String>(n);
        var durations = new ArrayList<Integer>(n);
        var delays = new ArrayList<Long>(n);
        for (Outcome outcome : outcomes) {
            ids.add(outcome.taskId());
            attempts.add(outcome.attempt());
            kinds.add(outcome.kind().sql());
            errors.add(Json.textForDatabase(outcome.error()));
            outputs.add(outcome.output() == null ? null : Json.writeForDatabase(outcome.output()));
            summaries.add(outcome.summary() == null ? null : Json.writeForDatabase(outcome.summary()));
            metrics.add(outcome.metrics() == null ? null : Json.writeForDatabase(outcome.metrics()));
            durations.add(
                    outcome.durationMs() == null ? null : (int) Math.min(Integer.MAX_VALUE, outcome.durationMs()));
            delays.add(outcome.retryDelay().toMillis());
        }
        try (PreparedStatement statement = connection.prepareStatement(FINISH)) {
            statement.setArray(1, Sql.uuids(connection, ids));
            statement.setArray(2, Sql.ints(connection, attempts));
            statement.setArray(3, Sql.texts(connection, kinds));
            statement.setArray(4, Sql.texts(connection, errors));
            statement.setArray(5, Sql.texts(connection, outputs));
            statement.setArray(6, Sql.texts(connection, summaries));
            statement.setArray(7, Sql.texts(connection, metrics));
            statement.setArray(8, Sql.ints(connection, durations));
            statement.setArray(9, Sql.longs(connection, delays));
            Set<UUID> applied = new HashSet<>(n * 2);
            List<EndedTask> ended = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    applied.add(rs.getObject(1, UUID.class));
                    endedTask(rs, ended);
                }
            }
            ends.react(connection, ended);
            return applied;
        }
    }

    /** Adds the task of the current row to {@code ended} if the row's status is terminal. */
    static void endedTask(ResultSet rs, List<EndedTask> ended) throws SQLException {
        TaskStatus status = TaskStatus.of(rs.getString("status"));
        if (status.isTerminal()) {
            ended.add(new EndedTask(
                    Sql.uuid(rs, "id"),
                    Sql.uuid(rs, "execution_id"),
                    Sql.uuid(rs, "agent_id"),
                    Sql.uuid(rs, "org_id"),
                    Sql.uuid(rs, "stream_id"),
                    Sql.uuid(rs, "workflow_run_id"),
                    status,
                    Sql.integer(rs, "duration_ms"),
                    rs.getString("error_message")));
        }
    }

    /** What one rescue pass did. */
    public record Rescue(int returnedToPending, int ended) {
        public int total() {
            return returnedToPending + ended;
        }
    }

    /**
     * Takes back up to {@code limit} tasks whose lease ran out: a lost attempt counts as a failed
     * one, so the task goes back to pending while it has retries left and fails otherwise (or ends
     * cancelled, when a cancel was requested). Wakes idle runners when tasks went back to pending.
     */
    public Rescue rescueExpired(int limit) {
        return Sql.transaction(dataSource, connection -> {
            int rescued = 0;
            List<EndedTask> ended = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(RESCUE)) {
                statement.setInt(1, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rescued++;
                        endedTask(rs, ended);
                    }
                }
            }
            ends.react(connection, ended);
            Rescue rescue = new Rescue(rescued - ended.size(), ended.size());
            if (rescue.returnedToPending() > 0) {
                try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('agentry_tasks', '')")) {
                    notify.execute();
                }
            }
            return rescue;
        });
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
