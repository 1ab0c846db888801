package io.agentry.testing;

import io.agentry.db.Database;
import io.agentry.db.EmbeddedDatabase;
import io.agentry.db.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use in a folder under {@code target/};
 * every call to {@link #fresh()} creates a new, migrated database on it, so test classes never see
 * each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestDatabase() {}

    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-pg-");
                server = EmbeddedDatabase.start(dataDir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-pg-shutdown"));
        }
        return server;
    }

    /** A new, migrated database, closed by the caller. */
    public static Database fresh() {
        return fresh(10);
    }

    public static Database fresh(int poolSize) {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        EmbeddedDatabase embedded = server();
        try (Connection admin =
                        DriverManager.getConnection(embedded.jdbcUrl("postgres"), embedded.user(), embedded.password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Database database = Database.onServer(embedded.jdbcUrl(name), embedded.user(), embedded.password(), poolSize);
        Migrations.migrate(database.dataSource());
        return database;
    }
}
