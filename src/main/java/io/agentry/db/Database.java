package io.agentry.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's database: a connection pool on the configured server, and the embedded server
 * when there is no external one. Dedicated connections (LISTEN, the leader's advisory lock) come
 * from {@link #openDedicated()}, outside the pool, so they never compete with queries. The
 * runner's own statements on the queue use a second pool, {@link #queueDataSource()}.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final String EMBEDDED_DATABASE = "postgres";

    // Every Agentry session runs without JIT compilation. Its statements are short and driven by
    // indexes; a compile costs far more than they do. The queue sessions' disabled plan types add
    // a large cost to every plan that has no alternative, which puts each claim over
    // jit_above_cost: on a server built with LLVM (Debian's and Ubuntu's packages, most managed
    // services) each claim was compiled for 90-300 ms.
    static final String SESSION_SETTINGS = "SET jit = off";

    // The runner's queue statements each have one right plan, and it must not depend on what the
    // statistics say. The claim walks the claim index in order: a table bulk-loaded since its
    // last ANALYZE looks nearly empty to the planner, which then sorted every pending task on
    // each claim instead (measured: 10 ms per claim at 60,000 pending tasks, against 1 ms).
    // Renewals and outcomes look up each task of their batch by primary key: a hash join instead
    // reads every task in processing, of every node, on each write; and after statistics of an
    // idle queue, a scan of a small table matched every task against the whole batch. With
    // sorts, bitmap scans, sequential scans, hash and merge joins and materialisation off, and a
    // page read by index costed as what it is for a table in memory (random_page_cost 1.1, not
    // 4), those are the plans left; they are generic, made once per session and statement
    // (prepared on first use), not once per call.
    // Set by SQL when a connection opens rather than as startup options, which some connection
    // poolers refuse; they are session settings, so a pooler must hand out whole sessions.
    private static final String QUEUE_SESSION_SETTINGS = SESSION_SETTINGS
            + "; SET enable_sort = off; SET enable_bitmapscan = off;"
            + " SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off;"
            + " SET enable_material = off; SET random_page_cost = 1.1; SET plan_cache_mode = force_generic_plan";

    private final EmbeddedDatabase embedded;
    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource pool;
    private final HikariDataSource queuePool;
    private final Availability availability;

    private Database(EmbeddedDatabase embedded, String url, String user, String password, int poolSize) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        HikariConfig config = poolConfig("agentry", poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionInitSql(SESSION_SETTINGS);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        this.pool = new HikariDataSource(config);
        HikariConfig queueConfig = poolConfig("agentry-queue", poolSize);
        queueConfig.setMinimumIdle(0);
        // Opened on first use: processes that run no runner never connect it, and the runner does
        // not pay for a check connection that Hikari would close again (each costs a SCRAM
        // handshake, about 30 ms of CPU here).
        queueConfig.setInitializationFailTimeout(-1);
        queueConfig.setConnectionInitSql(QUEUE_SESSION_SETTINGS);
        queueConfig.addDataSourceProperty("prepareThreshold", "1");
        this.queuePool = new HikariDataSource(queueConfig);
        this.availability = new Availability(url.replaceFirst("\\?.*$", ""));
    }

    private HikariConfig poolConfig(String name, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "agentry");
        return config;
    }

    /** Opens the configured database; the caller closes it. */
    public static Database open(DatabaseConfig config) {
        if (config.isEmbedded()) {
            EmbeddedDatabase server = EmbeddedDatabase.start(config.dataDir());
            try {
                return new Database(
                        server, server.jdbcUrl(EMBEDDED_DATABASE), server.user(), server.password(), config.poolSize());
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
        return new Database(null, config.url(), config.user(), config.password(), config.poolSize());
    }

    /**
     * Opens a database that already exists, creating nothing: the same as {@link #open} for an
     * external server; for the embedded one, only when its data directory holds a complete
     * cluster, so that a node joining a deployment never founds one of its own.
     */
    public static Database openExisting(DatabaseConfig config) {
        if (config.isEmbedded()) {
            Path dataDir = config.dataDir().toAbsolutePath().normalize();
            if (!Files.isRegularFile(dataDir.resolve("pg").resolve(EmbeddedDataDirectory.MARKER))) {
                throw new IllegalStateException(
                        "no Agentry data in " + dataDir + ": it holds no database to open, and none was created");
            }
        }
        return open(config);
    }

    /** A database on the same server as this one, for tests and benchmarks that need their own. */
    public static Database onServer(String url, String user, String password, int poolSize) {
        return new Database(null, url, user, password, poolSize);
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Connections for the runner's statements on the queue (claim, lease renewal, outcomes), with
     * the planner settings that keep their plans fixed. Nothing else should run here: with sorts
     * off, a query that needs one gets it only after every alternative.
     */
    public DataSource queueDataSource() {
        return queuePool;
    }

    /** Where the process's threads report that the database stopped answering, and answers again. */
    public Availability availability() {
        return availability;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A connection outside the pool, for LISTEN and session-level advisory locks. */
    public Connection openDedicated() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "agentry");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute(SESSION_SETTINGS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    public void migrate() {
        Migrations.migrate(pool);
    }

    @Override
    public void close() {
        queuePool.close();
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
        log.debug("Database closed");
    }
}
