package io.agentry.workflow;

import io.agentry.db.Sql;
import io.agentry.stream.After;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads workflow runs and their steps; every read is scoped to an org. */
public final class WorkflowRuns {
    private static final String FIND = "SELECT * FROM workflow_runs WHERE id = ? AND org_id = ?";

    private static final String PAGE = """
            SELECT * FROM workflow_runs WHERE stream_id = ? AND org_id = ?%s
            ORDER BY created_at DESC, id DESC LIMIT ?""";

    private static final String FIRST = PAGE.formatted("");
    private static final String NEXT = PAGE.formatted(" AND (created_at, id) < (?, ?)");

    private static final String STEPS = """
            SELECT e.workflow_run_id, e.id, e.task_id, e.agent_id, g.agent_type, g.name, e.status, e.attempts,
                   e.created_at, e.started_at, e.completed_at, e.duration_ms, e.error_message, e.output_data
            FROM agent_executions e LEFT JOIN ai_agents g ON g.id = e.agent_id
            WHERE e.workflow_run_id = ANY (?) AND e.org_id = ?
            ORDER BY e.created_at, e.id""";

    private final DataSource dataSource;

    public WorkflowRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<WorkflowRun> find(UUID orgId, UUID runId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, runId);
                statement.setObject(2, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(run(rs)) : Optional.<WorkflowRun>empty();
                }
            }
        });
    }

    /** The stream's runs, newest first. */
    public List<WorkflowRun> list(UUID orgId, UUID streamId, int limit) {
        return page(orgId, streamId, null, limit);
    }

    /**
     * A page of the stream's runs, newest first.
     *
     * @param after the last run of the previous page; null for the first page
     */
    public List<WorkflowRun> page(UUID orgId, UUID streamId, After after, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(after == null ? FIRST : NEXT)) {
                int i = 1;
                statement.setObject(i++, streamId);
                statement.setObject(i++, orgId);
                if (after != null) {
                    statement.setTimestamp(i++, Sql.timestamp(after.createdAt()));
                    statement.setObject(i++, after.id());
                }
                statement.setInt(i, limit);
                List<WorkflowRun> runs = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        runs.add(run(rs));
                    }
                }
                return runs;
            }
        });
    }

    /** The run's executions in the order they were created. */
    public List<RunStep> steps(UUID orgId, UUID runId) {
        return steps(orgId, List.of(runId)).get(runId);
    }

    /** The executions of each of these runs, in the order they were created, in one statement. */
    public Map<UUID, List<RunStep>> steps(UUID orgId, Collection<UUID> runIds) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(STEPS)) {
                statement.setArray(1, Sql.uuids(connection, runIds));
                statement.setObject(2, orgId);
                Map<UUID, List<RunStep>> steps = new LinkedHashMap<>();
                runIds.forEach(run -> steps.put(run, new ArrayList<>()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        steps.get(Sql.uuid(rs, "workflow_run_id"))
                                .add(new RunStep(
                                        Sql.uuid(rs, "id"),
                                        Sql.uuid(rs, "task_id"),
                                        Sql.uuid(rs, "agent_id"),
                                        rs.getString("agent_type"),
                                        rs.getString("name"),
                                        rs.getString("status"),
                                        rs.getInt("attempts"),
                                        Sql.instant(rs, "created_at"),
                                        Sql.instant(rs, "started_at"),
                                        Sql.instant(rs, "completed_at"),
                                        Sql.integer(rs, "duration_ms"),
                                        rs.getString("error_message"),
                                        Json.read(rs.getString("output_data"))));
                    }
                }
                return steps;
            }
        });
    }

    private static WorkflowRun run(ResultSet rs) throws SQLException {
        return new WorkflowRun(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "org_id"),
                Sql.uuid(rs, "stream_id"),
                Sql.uuid(rs, "agent_id"),
                RunTrigger.of(rs.getString("trigger")),
                rs.getString("status"),
                rs.getString("error_message"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "completed_at"));
    }
}
