package io.agentry.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The agents assigned to a stream: its workflow. Every write is checked against the stream's other
 * assignments, under a lock on the stream's row, so two writes at once cannot together make what
 * each alone would have refused (a cycle, a dependency on an agent being removed).
 */
public final class Assignments {
    static final Set<String> ROLES = Set.of("primary", "enrichment", "scoring", "monitoring", "notification");

    private static final String LOCK_STREAM = "SELECT id FROM streams WHERE id = ? AND org_id = ? FOR UPDATE";

    private static final String AGENT = "SELECT agent_type, name FROM ai_agents WHERE id = ? AND org_id = ?";

    private static final String LIST = """
            SELECT a.*, g.agent_type, g.name AS agent_name
            FROM stream_agent_assignments a JOIN ai_agents g ON g.id = a.agent_id
            WHERE a.stream_id = ? AND a.org_id = ?
            ORDER BY a.execution_order NULLS LAST, a.created_at, a.agent_id""";

    private static final String UPSERT = """
            INSERT INTO stream_agent_assignments (stream_id, agent_id, org_id, assignment_role, execution_order,
                                                  is_active, auto_execute, execution_frequency, execution_config,
                                                  depends_on_agent_ids)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (stream_id, agent_id) DO UPDATE
            SET assignment_role = EXCLUDED.assignment_role, execution_order = EXCLUDED.execution_order,
                is_active = EXCLUDED.is_active, auto_execute = EXCLUDED.auto_execute,
                execution_frequency = EXCLUDED.execution_frequency, execution_config = EXCLUDED.execution_config,
                depends_on_agent_ids = EXCLUDED.depends_on_agent_ids, updated_at = now()""";

    private static final String DELETE = "DELETE FROM stream_agent_assignments WHERE stream_id = ? AND agent_id = ?";

    private final DataSource dataSource;

    public Assignments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a write may do: assign anew, change an assignment, or either. */
    private enum Mode {
        ADD,
        CHANGE,
        ASSIGN
    }

    /**
     * Assigns an agent to a stream, or changes its assignment (fields the request leaves null keep
     * their value). Refused with a {@link WorkflowException} naming the field: an unknown stream,
     * an agent the org does not have, an unknown role, a dependency that is not assigned to the
     * stream, a cycle (named agent by agent).
     */
    public Assignment assign(UUID orgId, UUID streamId, AssignmentRequest request) {
        return write(orgId, streamId, request, Mode.ASSIGN);
    }

    /** {@link #assign}, refused with a conflict when the agent is assigned to the stream already. */
    public Assignment add(UUID orgId, UUID streamId, AssignmentRequest request) {
        return write(orgId, streamId, request, Mode.ADD);
    }

    /** {@link #assign}, refused as not found when the agent is not assigned to the stream. */
    public Assignment change(UUID orgId, UUID streamId, AssignmentRequest request) {
        return write(orgId, streamId, request, Mode.CHANGE);
    }

    private Assignment write(UUID orgId, UUID streamId, AssignmentRequest request, Mode mode) {
        return Sql.transaction(dataSource, connection -> {
            lockStream(connection, orgId, streamId);
            Map<UUID, Assignment> current = byAgent(list(connection, orgId, streamId));
            Assignment existing = current.get(request.agentId());
            if (mode == Mode.ADD && existing != null) {
                throw WorkflowException.conflict(
                        "agent_id",
                        "agent " + request.agentId() + " is assigned to this stream already; change its assignment");
            }
            if (mode == Mode.CHANGE && existing == null) {
                throw WorkflowException.notFound(
                        "agent_id", "agent " + request.agentId() + " is not assigned to this stream");
            }
            String[] agent = requireAgent(connection, orgId, request.agentId());
            Assignment merged = merge(streamId, agent, existing, request);
            WorkflowGraph.of(current.values()).with(merged).check();
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                int i = 1;
                statement.setObject(i++, streamId);
                statement.setObject(i++, merged.agentId());
                statement.setObject(i++, orgId);
                statement.setString(i++, merged.role());
                statement.setObject(i++, merged.executionOrder());
                statement.setBoolean(i++, merged.active());
                statement.setBoolean(i++, merged.autoExecute());
                statement.setString(i++, merged.executionFrequency());
                statement.setString(i++, Json.write(merged.executionConfig()));
                statement.setArray(i, Sql.uuids(connection, merged.dependsOn()));
                statement.executeUpdate();
            }
            return byAgent(list(connection, orgId, streamId)).get(request.agentId());
        });
    }

    /**
     * Removes an agent from a stream; refused while other assignments of the stream depend on it.
     * False when it was not assigned.
     */
    public boolean remove(UUID orgId, UUID streamId, UUID agentId) {
        return Sql.transaction(dataSource, connection -> {
            lockStream(connection, orgId, streamId);
            List<Assignment> current = list(connection, orgId, streamId);
            List<String> dependents = current.stream()
                    .filter(a -> a.dependsOn().contains(agentId))
                    .map(WorkflowGraph::describe)
                    .toList();
            if (!dependents.isEmpty()) {
                throw WorkflowException.conflict(
                        "agent_id",
                        "cannot remove the agent: " + String.join(", ", dependents)
                                + " depend on it; change their dependencies first");
            }
            try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                statement.setObject(1, streamId);
                statement.setObject(2, agentId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** The stream's assignments in execution order; empty for a stream of another org. */
    public List<Assignment> list(UUID orgId, UUID streamId) {
        return Sql.run(dataSource, connection -> list(connection, orgId, streamId));
    }

    public Optional<Assignment> find(UUID orgId, UUID streamId, UUID agentId) {
        return Optional.ofNullable(byAgent(list(orgId, streamId)).get(agentId));
    }

    static List<Assignment> list(Connection connection, UUID orgId, UUID streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LIST)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            List<Assignment> assignments = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    assignments.add(assignment(rs));
                }
            }
            return assignments;
        }
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        Array dependsOn = rs.getArray("depends_on_agent_ids");
        return new Assignment(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "stream_id"),
                Sql.uuid(rs, "agent_id"),
                rs.getString("agent_type"),
                rs.getString("agent_name"),
                rs.getString("assignment_role"),
                Sql.integer(rs, "execution_order"),
                rs.getBoolean("is_active"),
                rs.getBoolean("auto_execute"),
                rs.getString("execution_frequency"),
                Json.read(rs.getString("execution_config")),
                Arrays.asList((UUID[]) dependsOn.getArray()),
                rs.getInt("total_executions"),
                rs.getInt("successful_executions"),
                Sql.instant(rs, "last_executed_at"),
                Sql.integer(rs, "avg_execution_time_ms"));
    }

    private static Map<UUID, Assignment> byAgent(List<Assignment> assignments) {
        Map<UUID, Assignment> byAgent = new LinkedHashMap<>();
        assignments.forEach(a -> byAgent.put(a.agentId(), a));
        return byAgent;
    }

    static void lockStream(Connection connection, UUID orgId, UUID streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_STREAM)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowException.notFound("stream_id", "no stream " + streamId + " in this organization");
                }
            }
        }
    }

    /** The agent's type and name; refused, as a wrong input, when the org has no such agent. */
    private static String[] requireAgent(Connection connection, UUID orgId, UUID agentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AGENT)) {
            statement.setObject(1, agentId);
            statement.setObject(2, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowException.invalid("agent_id", "no agent " + agentId + " in this organization");
                }
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private static Assignment merge(UUID streamId, String[] agent, Assignment current, AssignmentRequest request) {
        String role = request.role() != null ? request.role() : current != null ? current.role() : "primary";
        if (!ROLES.contains(role)) {
            throw WorkflowException.invalid(
                    "assignment_role",
                    "assignment_role must be one of primary, enrichment, scoring, monitoring, notification; was '"
                            + role + "'");
        }
        JsonNode config = request.executionConfig() != null
                ? request.executionConfig()
                : current != null ? current.executionConfig() : Json.object();
        if (!config.isObject()) {
            throw WorkflowException.invalid("execution_config", "execution_config must be a JSON object");
        }
        return new Assignment(
                current == null ? null : current.id(),
                streamId,
                request.agentId(),
                agent[0],
                agent[1],
                role,
                request.executionOrder() != null
                        ? request.executionOrder()
                        : current == null ? null : current.executionOrder(),
                pick(request.active(), current == null ? null : current.active(), true),
                pick(request.autoExecute(), current == null ? null : current.autoExecute(), false),
                request.executionFrequency() != null
                        ? request.executionFrequency()
                        : current == null ? null : current.executionFrequency(),
                config,
                request.dependsOn() != null
                        ? request.dependsOn().stream().distinct().toList()
                        : current == null ? List.of() : current.dependsOn(),
                0,
                0,
                null,
                null);
    }

    private static boolean pick(Boolean requested, Boolean current, boolean fallback) {
        return requested != null ? requested : current != null ? current : fallback;
    }
}
