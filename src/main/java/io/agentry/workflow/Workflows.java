package io.agentry.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Sql;
import io.agentry.queue.Enqueued;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Starts and cancels workflow runs. What happens inside a run once it started (dependents
 * enqueued when their dependencies completed, failures, the run's end) is {@link
 * WorkflowReaction}'s, in the transactions that end the run's tasks.
 */
public final class Workflows {
    private static final String ROOTS = """
            SELECT agent_id FROM stream_agent_assignments
            WHERE stream_id = ? AND is_active AND cardinality(depends_on_agent_ids) = 0
            ORDER BY execution_order NULLS LAST, created_at, agent_id""";

    // A dependency counts as done once it has a completed execution on the stream, in any run.
    private static final String MISSING = """
            SELECT d.agent_id, g.agent_type, g.name
            FROM stream_agent_assignments a
            CROSS JOIN LATERAL unnest(a.depends_on_agent_ids) WITH ORDINALITY AS d(agent_id, n)
            JOIN ai_agents g ON g.id = d.agent_id
            WHERE a.stream_id = ? AND a.agent_id = ?
              AND NOT EXISTS (SELECT 1 FROM agent_executions e
                              WHERE e.stream_id = a.stream_id AND e.agent_id = d.agent_id AND e.status = 'completed')
            ORDER BY d.n""";

    private static final String LOCK_RUN = """
            SELECT stream_id, status FROM workflow_runs WHERE id = ? AND org_id = ? FOR UPDATE""";

    // One round trip for what an execute checks first: the stream's row lock (as
    // Assignments.lockStream takes it), the agent's state, and the transaction's time, which is
    // the created_at of the execution it inserts.
    private static final String LOCK_FOR_EXECUTE = """
            SELECT a.is_active, now() AS now FROM streams s
            LEFT JOIN ai_agents a ON a.id = ? AND a.org_id = s.org_id
            WHERE s.id = ? AND s.org_id = ?
            FOR UPDATE OF s""";

    private static final String IN_RUN = "SELECT 1 FROM agent_tasks WHERE workflow_run_id = ? AND agent_id = ?";

    private static final String CANCEL = """
            WITH run AS (
                UPDATE workflow_runs SET status = 'cancelled', completed_at = now(), error_message = 'cancelled'
                WHERE id = ? AND org_id = ? AND status = 'running'
                RETURNING id
            )
            SELECT t.id FROM run
            LEFT JOIN agent_tasks t ON t.workflow_run_id = run.id AND t.status IN ('pending', 'processing')""";

    private final DataSource dataSource;
    private final TaskQueue queue;

    public Workflows(DataSource dataSource) {
        this.dataSource = dataSource;
        this.queue = new TaskQueue(dataSource);
    }

    /**
     * What an execute started: the run it belongs to and the task and execution of the agent.
     *
     * @param createdAt when the execution was created, by the database's clock
     */
    public record Started(UUID runId, UUID taskId, UUID executionId, Instant createdAt) {}

    /**
     * Options of {@link #execute}.
     *
     * @param force run even when dependencies have no completed execution on the stream
     * @param runId continue this running run of the stream instead of starting a new one
     * @param config goes over the assignment's execution_config for this execution (may be null)
     * @param priority the task's priority, 1..10 (10 by default: a person is waiting)
     * @param timeoutSeconds the limit of one attempt (null: the agent's own, else 15 minutes)
     */
    public record ExecuteOptions(
            boolean force, UUID runId, JsonNode config, int priority, RunTrigger trigger, Integer timeoutSeconds) {
        public static ExecuteOptions defaults() {
            return new ExecuteOptions(false, null, null, 10, RunTrigger.MANUAL, null);
        }

        public ExecuteOptions forced(boolean value) {
            return new ExecuteOptions(value, runId, config, priority, trigger, timeoutSeconds);
        }

        public ExecuteOptions inRun(UUID value) {
            return new ExecuteOptions(force, value, config, priority, trigger, timeoutSeconds);
        }

        public ExecuteOptions withConfig(JsonNode value) {
            return new ExecuteOptions(force, runId, value, priority, trigger, timeoutSeconds);
        }

        public ExecuteOptions withTrigger(RunTrigger value) {
            return new ExecuteOptions(force, runId, config, priority, value, timeoutSeconds);
        }

        public ExecuteOptions withTimeoutSeconds(Integer value) {
            return new ExecuteOptions(force, runId, config, priority, trigger, value);
        }
    }

    /**
     * Starts a run of every active assignment of the stream that depends on nothing; the others
     * follow as their dependencies complete. Refused when the stream has no such assignment.
     */
    public WorkflowRun startWorkflow(UUID orgId, UUID streamId, RunTrigger trigger) {
        UUID runId = RunTasks.newRunId();
        Sql.transaction(dataSource, connection -> {
            Assignments.lockStream(connection, orgId, streamId);
            List<UUID> roots = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(ROOTS)) {
                statement.setObject(1, streamId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        roots.add(Sql.uuid(rs, "agent_id"));
                    }
                }
            }
            if (roots.isEmpty()) {
                throw WorkflowException.invalid(
                        "stream_id",
                        "the stream has no active assigned agent without dependencies to start from; "
                                + "assign agents first (agentry streams assign)");
            }
            return RunTasks.start(
                    connection,
                    List.of(new RunTasks.NewRun(runId, orgId, streamId, null, trigger)),
                    roots.stream()
                            .map(agent -> new RunTasks.RootTask(runId, agent, TaskType.STREAM_EXECUTION, 5, null, null))
                            .toList());
        });
        return new WorkflowRuns(dataSource).find(orgId, runId).orElseThrow();
    }

    /**
     * Executes one agent on a stream: in a run of its own, or continuing {@code options.runId()};
     * the agents that depend on it follow within that run. The seed's rule holds: an agent whose
     * dependencies on this stream have no completed execution is refused with {@link
     * MissingDependenciesException} unless forced. An inactive agent is refused too.
     */
    public Started execute(UUID orgId, UUID streamId, UUID agentId, ExecuteOptions options) {
        return Sql.transaction(dataSource, connection -> {
            Instant now = lockForExecute(connection, orgId, streamId, agentId);
            if (!options.force()) {
                requireDependenciesDone(connection, streamId, agentId);
            }
            UUID runId = options.runId();
            List<RunTasks.NewRun> runs = List.of();
            if (runId == null) {
                runId = RunTasks.newRunId();
                runs = List.of(new RunTasks.NewRun(runId, orgId, streamId, agentId, options.trigger()));
            } else {
                requireRunning(connection, orgId, streamId, runId, agentId);
            }
            RunTasks.RootTask root = new RunTasks.RootTask(
                    runId,
                    agentId,
                    TaskType.MANUAL_TRIGGER,
                    options.priority(),
                    options.config(),
                    options.timeoutSeconds());
            Enqueued task = runs.isEmpty()
                    ? RunTasks.continueRun(connection, orgId, streamId, root)
                    : RunTasks.start(connection, runs, List.of(root)).get(0);
            return new Started(runId, task.taskId(), task.executionId(), now);
        });
    }

    /**
     * Creates one run per start, each with its agent's task, in the caller's transaction and in
     * set-based statements: the scheduler's way in. Returns the run ids in the order of {@code
     * starts}.
     */
    public static List<UUID> startRuns(Connection connection, List<RunStart> starts) throws SQLException {
        List<RunTasks.NewRun> runs = new ArrayList<>(starts.size());
        List<RunTasks.RootTask> roots = new ArrayList<>(starts.size());
        for (RunStart start : starts) {
            UUID runId = start.runId() != null ? start.runId() : RunTasks.newRunId();
            runs.add(new RunTasks.NewRun(runId, start.orgId(), start.streamId(), start.agentId(), start.trigger()));
            roots.add(new RunTasks.RootTask(runId, start.agentId(), start.taskType(), start.priority(), null, null));
        }
        if (!runs.isEmpty()) {
            RunTasks.start(connection, runs, roots);
        }
        return runs.stream().map(RunTasks.NewRun::id).toList();
    }

    /**
     * Cancels a running run: it ends {@code cancelled} at once, its pending tasks are cancelled and
     * its running agents asked to stop. False when the org has no such run still running.
     */
    public boolean cancel(UUID orgId, UUID runId) {
        List<UUID> live = new ArrayList<>();
        boolean cancelled = Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CANCEL)) {
                statement.setObject(1, runId);
                statement.setObject(2, orgId);
                boolean found = false;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found = true;
                        UUID task = Sql.uuid(rs, "id");
                        if (task != null) {
                            live.add(task);
                        }
                    }
                }
                return found;
            }
        });
        live.forEach(queue::cancel);
        return cancelled;
    }

    private static Instant lockForExecute(Connection connection, UUID orgId, UUID streamId, UUID agentId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_FOR_EXECUTE)) {
            statement.setObject(1, agentId);
            statement.setObject(2, streamId);
            statement.setObject(3, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowException.notFound("stream_id", "no stream " + streamId + " in this organization");
                }
                boolean active = rs.getBoolean("is_active");
                if (rs.wasNull()) {
                    throw WorkflowException.notFound("agent_id", "no agent " + agentId + " in this organization");
                }
                if (!active) {
                    throw WorkflowException.invalid("agent_id", "Agent is not active");
                }
                return Sql.instant(rs, "now");
            }
        }
    }

    private static void requireDependenciesDone(Connection connection, UUID streamId, UUID agentId)
            throws SQLException {
        List<UUID> missing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(MISSING)) {
            statement.setObject(1, streamId);
            statement.setObject(2, agentId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    missing.add(Sql.uuid(rs, "agent_id"));
                    names.add(rs.getString("agent_type") + " '" + rs.getString("name") + "'");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingDependenciesException(missing, String.join(", ", names));
        }
    }

    private static void requireRunning(Connection connection, UUID orgId, UUID streamId, UUID runId, UUID agentId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_RUN)) {
            statement.setObject(1, runId);
            statement.setObject(2, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || !streamId.equals(Sql.uuid(rs, "stream_id"))) {
                    throw WorkflowException.notFound("workflow_run_id", "no run " + runId + " of this stream");
                }
                if (!"running".equals(rs.getString("status"))) {
                    throw WorkflowException.conflict(
                            "workflow_run_id", "run " + runId + " has ended (" + rs.getString("status") + ")");
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(IN_RUN)) {
            statement.setObject(1, runId);
            statement.setObject(2, agentId);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    throw WorkflowException.conflict(
                            "agent_id", "agent " + agentId + " already has an execution in run " + runId);
                }
            }
        }
    }
}
