package io.agentry.bench;

import io.agentry.db.Database;
import io.agentry.db.EmbeddedDatabase;
import io.agentry.db.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database one run works in, with the schema installed (not timed) and the rows every job
 * references: one organization and one active {@code bench_noop} agent.
 *
 * <p>With {@code --db-url} it is the database the URL names, which must be empty; its durability
 * settings are left as the server has them and reported. Without, the bench starts (or attaches
 * to) the embedded server, creates a database of its own with {@code synchronous_commit = off}
 * as the comparison runs use, and drops it on close.
 */
final class BenchDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BenchDatabase.class);

    private static final String USER_TABLES = """
            SELECT count(*) FROM pg_catalog.pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
            """;

    private static final String FIXTURE = """
            WITH org AS (
                INSERT INTO organizations (name) VALUES ('Agentry benchmark') RETURNING id
            )
            INSERT INTO ai_agents (org_id, agent_type, name)
            SELECT id, ?, 'no-op benchmark job' FROM org
            RETURNING org_id, id
            """;

    private final EmbeddedDatabase embedded;
    private final String createdName;
    private final String url;
    private final String user;
    private final String password;
    private final ServerFacts facts;
    private final Fixture fixture;

    /** What the server says about itself, for the report's settings. */
    record ServerFacts(String serverVersion, String synchronousCommit, String synchronousCommitSource) {}

    /** The rows every benchmark job references. */
    record Fixture(UUID orgId, UUID agentId) {}

    private BenchDatabase(EmbeddedDatabase embedded, String createdName, String url, String user, String password) {
        this.embedded = embedded;
        this.createdName = createdName;
        this.url = url;
        this.user = user;
        this.password = password;
        try {
            ensureEmpty();
            try (Database installer = connect(2)) {
                Migrations.migrate(installer.dataSource());
            }
            this.fixture = insertFixture();
            this.facts = readFacts(createdName != null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the benchmark database: " + e.getMessage(), e);
        }
    }

    static BenchDatabase open(BenchSettings settings, long epochMillis) {
        if (settings.dbUrl() != null) {
            PgUrl target = settings.dbUrl();
            return new BenchDatabase(null, null, target.jdbcUrl(), target.user(), target.password());
        }
        EmbeddedDatabase server = EmbeddedDatabase.start(settings.dataDir().toAbsolutePath());
        String name = "agentry_bench_" + epochMillis;
        try {
            try (Connection admin = adminConnection(server);
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
                // The comparison runs use synchronous_commit=off on the benchmark database.
                statement.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
            }
            return new BenchDatabase(server, name, server.jdbcUrl(name), server.user(), server.password());
        } catch (SQLException | RuntimeException e) {
            dropQuietly(server, name);
            server.close();
            throw e instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("cannot create the benchmark database: " + e.getMessage(), e);
        }
    }

    /** A pool of at most {@code poolSize} connections on the benchmark database; the caller closes it. */
    Database connect(int poolSize) {
        return Database.onServer(url, user, password, poolSize);
    }

    /** A plain connection outside any pool, for the harness's own bookkeeping. */
    Connection openConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    Fixture fixture() {
        return fixture;
    }

    ServerFacts facts() {
        return facts;
    }

    /** Where the run's data went, for the report: the created database, or the URL's. */
    String databaseName() {
        return createdName != null ? createdName + " (embedded, dropped after the run)" : url;
    }

    private void ensureEmpty() throws SQLException {
        try (Connection connection = openConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(USER_TABLES)) {
            rs.next();
            long tables = rs.getLong(1);
            if (tables > 0) {
                throw new IllegalStateException("the database " + connection.getCatalog() + " is not empty (" + tables
                        + " tables); the benchmark needs an empty database of its own");
            }
        }
    }

    private Fixture insertFixture() throws SQLException {
        try (Connection connection = openConnection();
                PreparedStatement statement = connection.prepareStatement(FIXTURE)) {
            statement.setString(1, NoopAgent.TYPE);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Fixture(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            }
        }
    }

    private ServerFacts readFacts(boolean setByBench) throws SQLException {
        try (Connection connection = openConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT current_setting('server_version'), current_setting('synchronous_commit')")) {
            rs.next();
            String source = setByBench
                    ? "set by the bench: ALTER DATABASE … SET synchronous_commit = off on the database it created"
                    : "as the server and database are configured (--db-url; not changed by the bench)";
            return new ServerFacts(rs.getString(1), rs.getString(2), source);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            dropQuietly(embedded, createdName);
            embedded.close();
        }
    }

    private static void dropQuietly(EmbeddedDatabase server, String name) {
        try (Connection admin = adminConnection(server);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            log.warn("Could not drop the benchmark database {}; drop it by hand", name, e);
        }
    }

    private static Connection adminConnection(EmbeddedDatabase server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
    }
}
