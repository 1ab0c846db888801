package io.agentry.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.db.Sql;
import io.agentry.queue.Enqueued;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskType;
import io.agentry.support.Ids;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates runs and their first tasks, in the caller's transaction and in a fixed number of
 * statements whatever the number of runs.
 *
 * <p>Every task of a run carries the same context, the one its agent finds in its input: {@code
 * stream_id}, {@code workflow_run_id}, {@code goal_context} (the stream's goal when the run
 * started, kept on the run), {@code upstream_outputs} (the outputs of the run's completed
 * executions, by agent id: empty for a first task) and {@code execution_config} (the agent's
 * assignment's, with the caller's on top).
 */
final class RunTasks {

    // goal_context has the shape of Stream.goalContext().
    private static final String INSERT_RUNS = """
            WITH start AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[])
                    AS s(id, org_id, stream_id, agent_id, trigger)
            ), run AS (
                INSERT INTO workflow_runs (id, org_id, stream_id, agent_id, trigger, goal_context)
                SELECT s.id, s.org_id, s.stream_id, s.agent_id, s.trigger,
                       CASE WHEN st.id IS NOT NULL
                            THEN jsonb_build_object('goal_criteria', st.goal_criteria,
                                                    'target_metrics', st.target_metrics) END
                FROM start s LEFT JOIN streams st ON st.id = s.stream_id AND st.org_id = s.org_id
                WHERE s.stream_id IS NULL OR st.id IS NOT NULL
                RETURNING id, goal_context
            )
            SELECT s.id, s.stream_id, run.id IS NOT NULL AS started, run.goal_context
            FROM start s LEFT JOIN run ON run.id = s.id
            """;

    private static final String CONFIGS = """
            SELECT a.stream_id, a.agent_id, a.execution_config
            FROM unnest(?::uuid[], ?::uuid[]) AS k(stream_id, agent_id)
            JOIN stream_agent_assignments a ON a.stream_id = k.stream_id AND a.agent_id = k.agent_id""";

    /**
     * The outputs of a run's completed executions, by agent id, each with the agent's type and
     * name: a scalar subquery on the run id expression given.
     */
    static String upstreamOutputs(String runId) {
        return """
                (SELECT coalesce(jsonb_object_agg(e.agent_id::text, jsonb_build_object(
                            'agent_type', g.agent_type, 'agent_name', g.name, 'output', e.output_data)), '{}')
                 FROM agent_executions e JOIN ai_agents g ON g.id = e.agent_id
                 WHERE e.workflow_run_id = %s AND e.status = 'completed')""".formatted(runId);
    }

    private static final String RUN_CONTEXT = """
            SELECT r.goal_context, %s AS upstream,
                   (SELECT execution_config FROM stream_agent_assignments a
                    WHERE a.stream_id = r.stream_id AND a.agent_id = ?) AS assigned
            FROM workflow_runs r WHERE r.id = ?""".formatted(upstreamOutputs("r.id"));

    /** A run to create. */
    record NewRun(UUID id, UUID orgId, UUID streamId, UUID agentId, RunTrigger trigger) {}

    /** A first task of a run; {@code config} goes over the assignment's execution_config. */
    record RootTask(
            UUID runId, UUID agentId, TaskType taskType, int priority, JsonNode config, Integer timeoutSeconds) {}

    private RunTasks() {}

    /**
     * Creates the runs and enqueues their first tasks. A stream that is not its run's org's is
     * refused with a {@link WorkflowException}, as an agent that is not is by the queue; the
     * caller's transaction is then to be rolled back.
     */
    static List<Enqueued> start(Connection connection, List<NewRun> runs, List<RootTask> roots) throws SQLException {
        Map<UUID, NewRun> byId = new HashMap<>();
        runs.forEach(run -> byId.put(run.id(), run));
        Map<UUID, JsonNode> goals = insertRuns(connection, runs);
        Map<String, JsonNode> configs = configs(connection, runs, roots, byId);
        List<NewTask> tasks = new ArrayList<>(roots.size());
        for (RootTask root : roots) {
            NewRun run = byId.get(root.runId());
            JsonNode assigned = configs.get(run.streamId() + "/" + root.agentId());
            tasks.add(NewTask.of(root.agentId(), run.orgId())
                    .withType(root.taskType())
                    .withPriority(root.priority())
                    .withTimeoutSeconds(root.timeoutSeconds())
                    .withWorkflowRunId(run.id())
                    .withPayload(payload(
                            run.streamId(), run.id(), goals.get(run.id()), Json.object(), assigned, root.config())));
        }
        return TaskQueue.enqueueAll(connection, tasks);
    }

    /** Enqueues one more task in a running run, with the run's context as it is now. */
    static Enqueued continueRun(Connection connection, UUID orgId, UUID streamId, RootTask task) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RUN_CONTEXT)) {
            statement.setObject(1, task.agentId());
            statement.setObject(2, task.runId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                String goal = rs.getString("goal_context");
                String assigned = rs.getString("assigned");
                ObjectNode payload = payload(
                        streamId,
                        task.runId(),
                        Json.read(goal),
                        Json.read(rs.getString("upstream")),
                        Json.read(assigned),
                        task.config());
                return TaskQueue.enqueueAll(
                                connection,
                                List.of(NewTask.of(task.agentId(), orgId)
                                        .withType(task.taskType())
                                        .withPriority(task.priority())
                                        .withTimeoutSeconds(task.timeoutSeconds())
                                        .withWorkflowRunId(task.runId())
                                        .withPayload(payload)))
                        .get(0);
            }
        }
    }

    static ObjectNode payload(
            UUID streamId, UUID runId, JsonNode goalContext, JsonNode upstream, JsonNode assigned, JsonNode requested) {
        ObjectNode payload = Json.object();
        if (streamId != null) {
            payload.put("stream_id", streamId.toString());
        }
        payload.put("workflow_run_id", runId.toString());
        if (goalContext != null && !goalContext.isNull()) {
            payload.set("goal_context", goalContext);
        }
        payload.set("upstream_outputs", upstream);
        ObjectNode config = Json.object();
        if (assigned != null && assigned.isObject()) {
            config.setAll((ObjectNode) assigned);
        }
        if (requested != null && requested.isObject()) {
            config.setAll((ObjectNode) requested);
        }
        payload.set("execution_config", config);
        return payload;
    }

    private static Map<UUID, JsonNode> insertRuns(Connection connection, List<NewRun> runs) throws SQLException {
        Map<UUID, JsonNode> goals = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RUNS)) {
            statement.setArray(
                    1, Sql.uuids(connection, runs.stream().map(NewRun::id).toList()));
            statement.setArray(
                    2, Sql.uuids(connection, runs.stream().map(NewRun::orgId).toList()));
            statement.setArray(
                    3, Sql.uuids(connection, runs.stream().map(NewRun::streamId).toList()));
            statement.setArray(
                    4, Sql.uuids(connection, runs.stream().map(NewRun::agentId).toList()));
            statement.setArray(
                    5,
                    Sql.texts(
                            connection,
                            runs.stream().map(r -> r.trigger().sql()).toList()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean("started")) {
                        throw WorkflowException.notFound(
                                "stream_id", "no stream " + Sql.uuid(rs, "stream_id") + " in this organization");
                    }
                    String goal = rs.getString("goal_context");
                    goals.put(Sql.uuid(rs, "id"), Json.read(goal));
                }
            }
        }
        return goals;
    }

    private static Map<String, JsonNode> configs(
            Connection connection, List<NewRun> runs, List<RootTask> roots, Map<UUID, NewRun> byId)
            throws SQLException {
        Map<String, JsonNode> configs = new HashMap<>();
        List<UUID> streams = new ArrayList<>();
        List<UUID> agents = new ArrayList<>();
        for (RootTask root : roots) {
            UUID stream = byId.get(root.runId()).streamId();
            if (stream != null) {
                streams.add(stream);
                agents.add(root.agentId());
            }
        }
        if (streams.isEmpty()) {
            return configs;
        }
        try (PreparedStatement statement = connection.prepareStatement(CONFIGS)) {
            statement.setArray(1, Sql.uuids(connection, streams));
            statement.setArray(2, Sql.uuids(connection, agents));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    configs.put(
                            Sql.uuid(rs, "stream_id") + "/" + Sql.uuid(rs, "agent_id"),
                            Json.read(rs.getString("execution_config")));
                }
            }
        }
        return configs;
    }

    static UUID newRunId() {
        return Ids.newId();
    }
}
