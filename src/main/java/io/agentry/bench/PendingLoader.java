package io.agentry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fills the queue with pending no-op tasks fast, for the claim workload: set-based inserts of
 * tasks and their executions from {@code generate_series}, in chunks, then VACUUM ANALYZE so the
 * planner and the visibility map know the table. None of this is timed.
 */
final class PendingLoader {
    private static final int CHUNK = 100_000;

    /** Tasks of a type the workload's node does not run: the claim must not read them. */
    static final String UNRUNNABLE_TYPE = "bench_unrunnable";

    private static final String INSERT = """
            WITH job AS (
                SELECT gen_random_uuid() AS id, gen_random_uuid() AS execution_id,
                       jsonb_build_object('i', i, 't', 0) AS payload
                FROM generate_series(?, ?) AS i
            ), agent AS (
                SELECT id, org_id, agent_type FROM ai_agents WHERE id = ?
            ), execution AS (
                INSERT INTO agent_executions (id, agent_id, org_id, input_data, task_id)
                SELECT job.execution_id, agent.id, agent.org_id, job.payload, job.id FROM job, agent
            )
            INSERT INTO agent_tasks (id, agent_id, org_id, agent_type, task_type, priority, payload, execution_id)
            SELECT job.id, agent.id, agent.org_id, agent.agent_type, 'manual_trigger', ?, job.payload, job.execution_id
            FROM job, agent
            """;

    private static final String UNRUNNABLE_AGENT = """
            INSERT INTO ai_agents (org_id, agent_type, name) VALUES (?, ?, 'agent no benchmark node runs')
            RETURNING id
            """;

    private final BenchDatabase.Fixture fixture;

    PendingLoader(BenchDatabase.Fixture fixture) {
        this.fixture = fixture;
    }

    /** Empties the queue and its history, then loads {@code count} pending tasks. */
    void reset(Connection connection, int count) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE agent_tasks, agent_executions");
        }
        load(connection, fixture.agentId(), 5, count);
    }

    /**
     * Adds {@code count} pending tasks of {@link #UNRUNNABLE_TYPE} at priority 10, ahead of every
     * other task in claim order were it not for their type.
     */
    void addUnrunnable(Connection connection, int count) throws SQLException {
        UUID agent;
        try (PreparedStatement statement = connection.prepareStatement(UNRUNNABLE_AGENT)) {
            statement.setObject(1, fixture.orgId());
            statement.setString(2, UNRUNNABLE_TYPE);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                agent = rs.getObject(1, UUID.class);
            }
        }
        load(connection, agent, 10, count);
    }

    /** Adds {@code count} pending tasks numbered from {@code first}. */
    void add(Connection connection, int first, int count) throws SQLException {
        insert(connection, fixture.agentId(), 5, first, count);
    }

    private static void load(Connection connection, UUID agent, int priority, int count) throws SQLException {
        for (int from = 0; from < count; from += CHUNK) {
            insert(connection, agent, priority, from, Math.min(count, from + CHUNK) - from);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) agent_tasks, agent_executions");
        }
    }

    private static void insert(Connection connection, UUID agent, int priority, int first, int count)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setInt(1, first);
            statement.setInt(2, first + count - 1);
            statement.setObject(3, agent);
            statement.setInt(4, priority);
            statement.executeUpdate();
        }
    }
}
