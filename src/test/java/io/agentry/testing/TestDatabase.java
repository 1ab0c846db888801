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
 * The server the tests run on, and a fresh database on it for each test class, so test classes
 * never see each other's rows.
 *
 * <p>By default that server is one embedded PostgreSQL per test JVM, started on first use in
 * {@code target/test-pg}. A run with {@code -Dagentry.test.server=external} (the build's {@code
 * external-postgres} profile) uses instead the server at {@code AGENTRY_TEST_DATABASE_URL}, with
 * {@code AGENTRY_TEST_DATABASE_USER} and {@code AGENTRY_TEST_DATABASE_PASSWORD}, a user allowed to
 * create databases; it then starts no server of its own. That covers what the embedded binaries
 * do not resemble: a server built with LLVM (JIT), another major version, its own configuration.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    /** Where the databases are made: {@code url(name)} reaches database {@code name}. */
    private record Server(String urlPrefix, String user, String password) {
        String url(String database) {
            return urlPrefix + database;
        }

        Connection admin(String database) throws SQLException {
            return DriverManager.getConnection(url(database), user, password);
        }
    }

    private TestDatabase() {}

    /** True when this run's databases live on an external server rather than the embedded one. */
    public static boolean isExternal() {
        return "external".equals(System.getProperty("agentry.test.server"));
    }

    /** The embedded server of this test JVM, for the tests of the embedded server itself. */
    public static synchronized EmbeddedDatabase embedded() {
        if (isExternal()) {
            throw new IllegalStateException("this run uses the external server at AGENTRY_TEST_DATABASE_URL; "
                    + "tests of the embedded server do not belong in it");
        }
        return Embedded.SERVER;
    }

    /** Started on first use, stopped when the test JVM exits. */
    private static final class Embedded {
        static final EmbeddedDatabase SERVER = start();

        private static EmbeddedDatabase start() {
            EmbeddedDatabase started =
                    EmbeddedDatabase.start(Path.of("target", "test-pg").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-pg-shutdown"));
            return started;
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = isExternal() ? external() : embeddedServer();
            dropDatabasesOfEarlierRuns();
        }
        return server;
    }

    private static Server embeddedServer() {
        EmbeddedDatabase embedded = embedded();
        return new Server(embedded.jdbcUrl(""), embedded.user(), embedded.password());
    }

    private static Server external() {
        String url = System.getenv("AGENTRY_TEST_DATABASE_URL");
        if (url == null || !url.matches("jdbc:postgresql://[^/?]+/[^/?]*")) {
            throw new IllegalStateException("-Dagentry.test.server=external needs AGENTRY_TEST_DATABASE_URL "
                    + "as jdbc:postgresql://host:port/database (no parameters), was " + url);
        }
        return new Server(
                url.substring(0, url.lastIndexOf('/') + 1),
                System.getenv("AGENTRY_TEST_DATABASE_USER"),
                System.getenv("AGENTRY_TEST_DATABASE_PASSWORD"));
    }

    /** A server outlives a run (the embedded one's later starts skip initdb); its databases do not. */
    private static void dropDatabasesOfEarlierRuns() {
        try (Connection admin = server.admin("postgres");
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
        Database database = empty(poolSize);
        Migrations.migrate(database.dataSource());
        return database;
    }

    /** A new database with no schema, closed by the caller. */
    public static Database empty(int poolSize) {
        String name = createEmpty();
        Server on = server();
        return Database.onServer(on.url(name), on.user(), on.password(), poolSize);
    }

    /** Creates a new database with no schema and returns its name; the next run drops it. */
    public static String createEmpty() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection admin = server().admin("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }
}
