package io.agentry.event;

import io.agentry.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows of {@code stream_events} written as the runner's stream sinks write them, for tests. */
public final class TestEvents {
    private static final String INSERT = """
            INSERT INTO stream_events (stream_id, org_id, event_type, payload, dedupe_key)
            VALUES (?, ?, ?, ?::jsonb, ?)
            RETURNING id""";

    private TestEvents() {}

    /** Inserts an {@code agent-activity} event with {@code payload} on {@code connection}, in its transaction; returns its id. */
    public static long append(Connection connection, UUID orgId, UUID streamId, String payload) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            statement.setString(3, "agent-activity");
            statement.setString(4, payload);
            statement.setString(5, UUID.randomUUID().toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts and commits an event whose payload is {@code {"n": n}}; returns its id. */
    public static long append(DataSource dataSource, UUID orgId, UUID streamId, int n) {
        return Sql.run(dataSource, connection -> append(connection, orgId, streamId, "{\"n\": " + n + "}"));
    }

    /** A connection with a transaction open, for tests that commit out of order. */
    public static Connection begin(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }
}
