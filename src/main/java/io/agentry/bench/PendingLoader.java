package io.agentry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the queue with pending no-op tasks fast, for the claim workload: set-based inserts of
 * tasks and their executions from {@code generate_series}, in chunks, then VACUUM ANALYZE so the
 * planner and the visibility map know the table. None of this is timed.
 */
final class PendingLoader {
    private static final int CHUNK = 100_000;

    private static final String INSERT = """
            WITH job AS (
                SELECT gen_random_uuid() AS id, gen_random_uuid() AS execution_id,
                       jsonb_build_object('i', i, 't', 0) AS payload
                FROM generate_series(?, ?) AS i
            ), execution AS (
                INSERT INTO agent_executions (id, agent_id, org_id, input_data, task_id)
                SELECT execution_id, ?, ?, payload, id FROM job
            )
            INSERT INTO agent_tasks (id, agent_id, org_id, task_type, payload, execution_id)
            SELECT id, ?, ?, 'manual_trigger', payload, execution_id FROM job
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
        for (int from = 0; from < count; from += CHUNK) {
            add(connection, from, Math.min(count, from + CHUNK) - from);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) agent_tasks, agent_executions");
        }
    }

    /** Adds {@code count} pending tasks numbered from {@code first}. */
    void add(Connection connection, int first, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setInt(1, first);
            statement.setInt(2, first + count - 1);
            setFixture(statement, 3);
            setFixture(statement, 5);
            statement.executeUpdate();
        }
    }

    private void setFixture(PreparedStatement statement, int index) throws SQLException {
        statement.setObject(index, fixture.agentId());
        statement.setObject(index + 1, fixture.orgId());
    }
}
