package io.agentry.workflow;

import io.agentry.db.Sql;
import io.agentry.queue.EndedTask;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskEndReaction;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.queue.TaskType;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a run does when one of its tasks ends, in the transaction that ends it.
 *
 * <p>A completed task starts each active {@code auto_execute} assignment of the stream that
 * depends on its agent, once all of that assignment's dependencies have completed in the same
 * run. A dependency the run never reaches (one that is not downstream of where the run started,
 * when it started from one agent) does not hold it back: the seed's manual-execute rule already
 * required it to have completed on the stream. A task that failed for good, or was cancelled,
 * ends its run failed (or cancelled) and records its dependents as not run. A run with nothing
 * pending or processing left has completed.
 *
 * <p>Why "once" holds across nodes: every transaction that ends tasks of a run first locks the
 * run's row. Two dependencies completing at once on two nodes are thereby serialized; the second
 * transaction's statements start after the first committed and see both completions (READ
 * COMMITTED takes a new snapshot per statement), while the first saw only its own. Exactly one
 * of them finds the dependent ready, and it also checks that the run has no task of that agent
 * yet.
 */
public final class WorkflowReaction implements TaskEndReaction {

    private static final String LOCK_RUNS =
            "SELECT id FROM workflow_runs WHERE id = ANY (?::uuid[]) ORDER BY id FOR UPDATE";

    private static final String END_RUNS = """
            WITH ended AS (
                SELECT x.*, g.agent_type, g.name
                FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) AS x(run_id, agent_id, status, error)
                LEFT JOIN ai_agents g ON g.id = x.agent_id
            )
            UPDATE workflow_runs r
            SET status = CASE WHEN x.status = 'cancelled' THEN 'cancelled' ELSE 'failed' END,
                completed_at = now(),
                error_message = format('%s ''%s'' %s: %s', x.agent_type, x.name, x.status, x.error)
            FROM ended x
            WHERE r.id = x.run_id AND r.status = 'running'
            RETURNING r.id, r.org_id, r.stream_id, x.agent_id,
                      format('%s ''%s'' %s', x.agent_type, x.name, x.status) AS cause
            """;

    private static final String NOT_RUN = """
            WITH RECURSIVE ended AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[])
                    AS f(run_id, org_id, stream_id, agent_id, cause)
            ), dependent (run_id, org_id, stream_id, agent_id, cause) AS (
                SELECT f.run_id, f.org_id, f.stream_id, a.agent_id, f.cause
                FROM ended f JOIN stream_agent_assignments a
                    ON a.stream_id = f.stream_id AND f.agent_id = ANY (a.depends_on_agent_ids)
                WHERE a.is_active AND a.auto_execute
                UNION
                SELECT d.run_id, d.org_id, d.stream_id, a.agent_id, d.cause
                FROM dependent d JOIN stream_agent_assignments a
                    ON a.stream_id = d.stream_id AND d.agent_id = ANY (a.depends_on_agent_ids)
                WHERE a.is_active AND a.auto_execute
            )
            INSERT INTO agent_executions (id, agent_id, org_id, stream_id, workflow_run_id, status, completed_at,
                                          error_message)
            SELECT gen_random_uuid(), d.agent_id, d.org_id, d.stream_id, d.run_id, 'cancelled', now(),
                   'not run: ' || d.cause
            FROM (SELECT DISTINCT ON (run_id, agent_id) * FROM dependent ORDER BY run_id, agent_id, cause) d
            WHERE NOT EXISTS (SELECT 1 FROM agent_executions e
                              WHERE e.workflow_run_id = d.run_id AND e.agent_id = d.agent_id)
            """;

    // scope: the agents the run reaches from where it started (every active root for a whole
    // workflow, else its agent), following dependents.
    private static final String READY = """
            WITH RECURSIVE done AS (
                SELECT DISTINCT * FROM unnest(?::uuid[], ?::uuid[]) AS d(run_id, agent_id)
            ), run AS (
                SELECT r.id, r.org_id, r.stream_id, r.agent_id, r.goal_context FROM workflow_runs r
                WHERE r.id IN (SELECT run_id FROM done) AND r.status = 'running' AND r.stream_id IS NOT NULL
            ), scope (run_id, agent_id) AS (
                SELECT r.id, a.agent_id
                FROM run r JOIN stream_agent_assignments a ON a.stream_id = r.stream_id
                WHERE a.agent_id = r.agent_id
                   OR (r.agent_id IS NULL AND a.is_active AND cardinality(a.depends_on_agent_ids) = 0)
                UNION
                SELECT s.run_id, a.agent_id
                FROM scope s JOIN run r ON r.id = s.run_id
                JOIN stream_agent_assignments a
                    ON a.stream_id = r.stream_id AND s.agent_id = ANY (a.depends_on_agent_ids)
            ), candidate AS (
                SELECT DISTINCT r.id AS run_id, r.org_id, r.stream_id, r.goal_context, a.agent_id,
                       a.depends_on_agent_ids, a.execution_config
                FROM done d JOIN run r ON r.id = d.run_id
                JOIN stream_agent_assignments a
                    ON a.stream_id = r.stream_id AND d.agent_id = ANY (a.depends_on_agent_ids)
                WHERE a.is_active AND a.auto_execute
            )
            SELECT c.run_id, c.org_id, c.stream_id, c.agent_id, c.goal_context, c.execution_config,
                   %s AS upstream
            FROM candidate c
            WHERE NOT EXISTS (SELECT 1 FROM agent_tasks t WHERE t.workflow_run_id = c.run_id AND t.agent_id = c.agent_id)
              AND NOT EXISTS (
                  SELECT 1 FROM unnest(c.depends_on_agent_ids) AS dependency(agent_id)
                  WHERE EXISTS (SELECT 1 FROM scope s WHERE s.run_id = c.run_id AND s.agent_id = dependency.agent_id)
                    AND NOT EXISTS (SELECT 1 FROM agent_executions e
                                    WHERE e.workflow_run_id = c.run_id AND e.agent_id = dependency.agent_id
                                      AND e.status = 'completed'))
            ORDER BY c.run_id, c.agent_id
            """.formatted(RunTasks.upstreamOutputs("c.run_id"));

    private static final String COMPLETE_RUNS = """
            UPDATE workflow_runs r SET status = 'completed', completed_at = now()
            WHERE r.id = ANY (?::uuid[]) AND r.status = 'running'
              AND NOT EXISTS (SELECT 1 FROM agent_tasks t
                              WHERE t.workflow_run_id = r.id AND t.status IN ('pending', 'processing'))
            """;

    @Override
    public boolean concerns(EndedTask task) {
        return task.workflowRunId() != null;
    }

    @Override
    public void ended(Connection connection, List<EndedTask> tasks) throws SQLException {
        List<UUID> runs =
                tasks.stream().map(EndedTask::workflowRunId).distinct().sorted().toList();
        try (PreparedStatement statement = connection.prepareStatement(LOCK_RUNS)) {
            statement.setArray(1, Sql.uuids(connection, runs));
            statement.executeQuery().close();
        }
        List<EndedTask> unsuccessful =
                tasks.stream().filter(t -> t.status() != TaskStatus.COMPLETED).toList();
        if (!unsuccessful.isEmpty()) {
            endRuns(connection, unsuccessful);
        }
        List<EndedTask> completed =
                tasks.stream().filter(t -> t.status() == TaskStatus.COMPLETED).toList();
        if (!completed.isEmpty()) {
            TaskQueue.enqueueAll(connection, readyDependents(connection, completed));
        }
        try (PreparedStatement statement = connection.prepareStatement(COMPLETE_RUNS)) {
            statement.setArray(1, Sql.uuids(connection, runs));
            statement.executeUpdate();
        }
    }

    private static void endRuns(Connection connection, List<EndedTask> tasks) throws SQLException {
        List<UUID> runIds = new ArrayList<>();
        List<UUID> orgIds = new ArrayList<>();
        List<UUID> streamIds = new ArrayList<>();
        List<UUID> agentIds = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(END_RUNS)) {
            statement.setArray(
                    1,
                    Sql.uuids(
                            connection,
                            tasks.stream().map(EndedTask::workflowRunId).toList()));
            statement.setArray(
                    2,
                    Sql.uuids(connection, tasks.stream().map(EndedTask::agentId).toList()));
            statement.setArray(
                    3,
                    Sql.texts(
                            connection,
                            tasks.stream().map(t -> t.status().sql()).toList()));
            statement.setArray(
                    4,
                    Sql.texts(
                            connection,
                            tasks.stream()
                                    .map(t -> Json.textForDatabase(t.error()))
                                    .toList()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    runIds.add(Sql.uuid(rs, "id"));
                    orgIds.add(Sql.uuid(rs, "org_id"));
                    streamIds.add(Sql.uuid(rs, "stream_id"));
                    agentIds.add(Sql.uuid(rs, "agent_id"));
                    causes.add(rs.getString("cause"));
                }
            }
        }
        if (runIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(NOT_RUN)) {
            statement.setArray(1, Sql.uuids(connection, runIds));
            statement.setArray(2, Sql.uuids(connection, orgIds));
            statement.setArray(3, Sql.uuids(connection, streamIds));
            statement.setArray(4, Sql.uuids(connection, agentIds));
            statement.setArray(5, Sql.texts(connection, causes));
            statement.executeUpdate();
        }
    }

    private static List<NewTask> readyDependents(Connection connection, List<EndedTask> completed) throws SQLException {
        List<NewTask> tasks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(READY)) {
            statement.setArray(
                    1,
                    Sql.uuids(
                            connection,
                            completed.stream().map(EndedTask::workflowRunId).toList()));
            statement.setArray(
                    2,
                    Sql.uuids(
                            connection,
                            completed.stream().map(EndedTask::agentId).toList()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID runId = Sql.uuid(rs, "run_id");
                    String goal = rs.getString("goal_context");
                    tasks.add(NewTask.of(Sql.uuid(rs, "agent_id"), Sql.uuid(rs, "org_id"))
                            .withType(TaskType.STREAM_EXECUTION)
                            .withWorkflowRunId(runId)
                            .withPayload(RunTasks.payload(
                                    Sql.uuid(rs, "stream_id"),
                                    runId,
                                    Json.read(goal),
                                    Json.read(rs.getString("upstream")),
                                    Json.read(rs.getString("execution_config")),
                                    null)));
                }
            }
        }
        return tasks;
    }
}
