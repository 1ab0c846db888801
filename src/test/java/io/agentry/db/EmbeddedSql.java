package io.agentry.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC against an {@link EmbeddedDatabase}, for tests. */
final class EmbeddedSql {
    private EmbeddedSql() {}

    static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl("postgres"), database.user(), database.password());
    }

    /** The first column of the first row. */
    static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rs.getString(1);
        }
    }

    static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Inserts {@code count} rows into {@code events}, each in its own committed transaction. */
    static void insertEvents(EmbeddedDatabase database, int count) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS events (id int PRIMARY KEY)");
            for (int i = 1; i <= count; i++) {
                statement.execute("INSERT INTO events (id) VALUES (" + i + ")");
            }
        }
    }

    static int countEvents(EmbeddedDatabase database) throws SQLException {
        return Integer.parseInt(query(database, "SELECT count(*) FROM events"));
    }
}
