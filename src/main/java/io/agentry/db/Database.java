package io.agentry.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
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
    private static final List<String> QUEUE_PLANNER_SETTINGS = List.of(
            "enable_sort = off",
            "enable_bitmapscan = off",
            "enable_seqscan = off",
            "enable_hashjoin = off",
            "enable_mergejoin = off",
            "enable_material = off",
            "random_page_cost = 1.1",
            "plan_cache_mode = force_generic_plan");

    private static final String QUEUE_SESSION_SETTINGS = SESSION_SETTINGS
            + QUEUE_PLANNER_SETTINGS.stream().map(setting -> "; SET " + setting).collect(Collectors.joining());

    /**
     * Run in a transaction on a {@link #queueDataSource()} connection, gives the rest of that
     * transaction the server's planner settings; the session's come back when it ends. For work
     * that is not the queue's own but shares its transaction. Plans stay generic and cached per
     * connection (plan_cache_mode is kept): made under the server's settings, they suit that work.
     */
    public static final String PLANNER_DEFAULTS_FOR_TRANSACTION = QUEUE_PLANNER_SETTINGS.stream()
            .map(setting -> setting.substring(0, setting.indexOf(' ')))
            .filter(name -> !name.equals("plan_cache_mode"))
            .map(name -> "SET LOCAL " + name + " TO DEFAULT")
            .collect(Collectors.joining("; "));

    private final EmbeddedDatabase embedded; // null for an external server
    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource pool;
    private final HikariDataSource queuePool;
    private final HikariDataSource tenantPool;
    private final Availability availability;

    private Database(EmbeddedDatabase embedded, String url, String user, String password, int poolSize) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        HikariConfig config = poolConfig("agentry", poolSize, driverProperties("reWriteBatchedInserts", "true"));
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionInitSql(SESSION_SETTINGS);
        this.pool = new HikariDataSource(config);
        HikariConfig queueConfig = poolConfig("agentry-queue", poolSize, driverProperties("prepareThreshold", "1"));
        queueConfig.setMinimumIdle(0);
        // Opened on first use: processes that run no runner never connect it, and the runner does
        // not pay for a check connection that Hikari would close again (each costs a SCRAM
        // handshake, about 30 ms of CPU here).
        queueConfig.setInitializationFailTimeout(-1);
        queueConfig.setConnectionInitSql(QUEUE_SESSION_SETTINGS);
        this.queuePool = new HikariDataSource(queueConfig);
        HikariConfig tenantConfig = poolConfig("agentry-tenant", poolSize, driverProperties());
        tenantConfig.setMinimumIdle(0);
        tenantConfig.setInitializationFailTimeout(-1); // opened by the first request, as the queue's
        tenantConfig.setConnectionInitSql(SESSION_SETTINGS + "; SET ROLE " + TenantDataSource.ROLE);
        this.tenantPool = new HikariDataSource(tenantConfig);
        this.availability = new Availability(
                embedded != null
                        ? "embedded PostgreSQL"
                        : DatabaseConfig.hidePasswords(url.replaceFirst("\\?.*$", "")));
    }

    private HikariConfig poolConfig(String name, int poolSize, Properties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        if (embedded != null) {
            // Each new connection asks where the server is now: a restart or a new owner may move it.
            config.setDataSource(new EmbeddedDataSource(embedded, EMBEDDED_DATABASE, properties));
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setDataSourceProperties(properties);
        }
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(10_000);
        return config;
    }

    private static Properties driverProperties(String... more) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "agentry");
        for (int i = 0; i < more.length; i += 2) {
            properties.setProperty(more[i], more[i + 1]);
        }
        return properties;
    }

    /** Opens the configured database, creating the embedded one if there is none; the caller closes it. */
    public static Database open(DatabaseConfig config) {
        return config.isEmbedded() ? onEmbedded(EmbeddedDatabase.start(config.dataDir()), config) : external(config);
    }

    /**
     * As {@link #open}, for commands that only look at existing data: creates nothing, not even the
     * data directory. For an external server, the same as {@link #open}.
     *
     * @throws NoAgentryDataException when the embedded data directory holds no cluster
     */
    public static Database openExisting(DatabaseConfig config) {
        return config.isEmbedded()
                ? onEmbedded(EmbeddedDatabase.openExisting(config.dataDir()), config)
                : external(config);
    }

    private static Database onEmbedded(EmbeddedDatabase server, DatabaseConfig config) {
        try {
            return new Database(server, null, null, null, config.poolSize());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Database external(DatabaseConfig config) {
        return new Database(null, config.url(), config.user(), config.password(), config.poolSize());
    }

    /**
     * Runs {@code listener} once, with one line saying why, if the embedded server that this
     * process runs stopped and could not be restarted (docs/embedded-database.md). The pools are
     * closed first, so that nothing goes on waiting for a server that is gone. Never for an
     * external server: keeping that one running is someone else's job.
     */
    public void whenServerLost(Consumer<String> listener) {
        if (embedded != null) {
            embedded.whenLost(reason -> {
                queuePool.close();
                pool.close();
                listener.accept(reason);
            });
        }
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

    /**
     * Connections for work done on behalf of one org (the HTTP API's requests): they run as the
     * role that the row-level security policies apply to, with the org bound to the session for as
     * long as the caller holds the connection. A statement that forgot its org filter still sees
     * that org's rows alone. The engine's own pools are not bound and see every org.
     */
    public DataSource forOrg(UUID orgId) {
        return new TenantDataSource(tenantPool, orgId);
    }

    /** Where the process's threads report that the database stopped answering, and answers again. */
    public Availability availability() {
        return availability;
    }

    /** The JDBC URL; for the embedded server, where it ran last. */
    public String url() {
        return embedded != null ? embedded.jdbcUrl(EMBEDDED_DATABASE) : url;
    }

    public String user() {
        return embedded != null ? embedded.user() : user;
    }

    public String password() {
        return embedded != null ? embedded.password() : password;
    }

    /** A connection outside the pool, for LISTEN and session-level advisory locks. */
    public Connection openDedicated() throws SQLException {
        Properties properties = driverProperties("tcpKeepAlive", "true");
        Connection connection = embedded != null
                ? embedded.connect(EMBEDDED_DATABASE, properties)
                : DriverManager.getConnection(url, withLogin(properties));
        try (Statement statement = connection.createStatement()) {
            statement.execute(SESSION_SETTINGS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private Properties withLogin(Properties properties) {
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /**
     * Brings the schema up to date. On the embedded server, a migration that failed on the
     * database runs again, twice at most: its owner (another process) may have stopped the server
     * meanwhile, and the next connection is made to the server found then. Flyway does not always
     * say so (a pooled connection it was given may just be "closed"), so any SQL failure counts;
     * each migration is one transaction, so none is applied halfway or twice.
     */
    public void migrate() {
        for (int tries = 1; ; tries++) {
            try {
                Migrations.migrate(pool);
                return;
            } catch (FlywayException e) {
                if (embedded == null || tries == 3 || !failedOnSql(e)) {
                    throw e;
                }
                log.warn("Migrating failed ({}); trying again", e.getMessage().strip());
            }
        }
    }

    private static boolean failedOnSql(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        tenantPool.close();
        queuePool.close();
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
        log.debug("Database closed");
    }
}
