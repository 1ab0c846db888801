package io.agentry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The harness's view of the task table, through one connection of its own. */
final class Counts implements AutoCloseable {
    private static final String UNCOMPLETED = "SELECT count(*) FROM agent_tasks WHERE status <> 'completed'";
    private static final String COMPLETED = "SELECT count(*) FROM agent_tasks WHERE status = 'completed'";
    private static final String PENDING = "SELECT count(*) FROM agent_tasks WHERE status = 'pending'";
    private static final String STORED = "SELECT count(*) FROM agent_tasks";

    private final Connection connection;

    private Counts(Connection connection) {
        this.connection = connection;
    }

    static Counts open(BenchDatabase database) throws SQLException {
        return new Counts(database.openConnection());
    }

    long uncompleted() throws SQLException {
        return count(UNCOMPLETED);
    }

    long completed() throws SQLException {
        return count(COMPLETED);
    }

    long pending() throws SQLException {
        return count(PENDING);
    }

    long stored() throws SQLException {
        return count(STORED);
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
