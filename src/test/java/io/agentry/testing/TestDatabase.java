package io.agentry.testing;

import io.agentry.db.Database;
import io.agentry.db.EmbeddedDatabase;
import io.agentry.db.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use in {@code target/test-pg};
 * every call to {@link #fresh()} creates a new, migrated database on it, so test classes never see
 * each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestDatabase() {}

    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            server = EmbeddedDatabase.start(Path.of("target", "test-pg").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-pg-shutdown"));
            dropDatabasesOfEarlierRuns();
        }
        return server;
    }

    /** The server's data directory outlives a run (later starts skip initdb); its databases do not. */
    private static void dropDatabasesOfEarlierRuns() {
        try (Connection admin =
                        DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
                Statement statement = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs =
                    statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'")) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
            for (String name : stale) {
                statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, migrated database, closed by the caller. */
    public static Database fresh() {
        return fresh(10);
    }

    public static Database fresh(int poolSize) {
        EmbeddedDatabase embedded = server();
        String name = createEmpty();
        Database database = Database.onServer(embedded.jdbcUrl(name), embedded.user(), embedded.password(), poolSize);
        Migrations.migrate(database.dataSource());
        return database;
    }

    /** Creates a new database with no schema and returns its name; the next run drops it. */
    public static String createEmpty() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        EmbeddedDatabase embedded = server();
        try (Connection admin = DriverManager.getConnection(
                        embedded.jdbcUrl("postgres"), embedded.user(), embedded.password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }
}
