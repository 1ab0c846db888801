package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.Database;
import io.agentry.db.EmbeddedDatabase;
import io.agentry.db.Migrations;
import io.agentry.testing.ChildJvm;
import io.agentry.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentry worker} joins an existing deployment: it never creates a database or migrates one. */
class CliWorkerTest {
    private static final EmbeddedDatabase SERVER = TestDatabase.embedded();

    @TempDir
    Path dir;

    @Test
    void worker_refuses_a_database_without_the_schema_and_leaves_it_empty() throws SQLException {
        String url = SERVER.jdbcUrl(TestDatabase.createEmpty());

        AgentryRun run = worker(url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("agentry worker: the database at " + url
                        + " has no Agentry schema; start 'agentry serve' or run 'agentry db migrate' first");
        assertThat(tables(url)).isZero();
    }

    @Test
    void worker_refuses_an_older_schema_and_leaves_it_at_its_version() throws SQLException {
        String url = SERVER.jdbcUrl(TestDatabase.createEmpty());
        Flyway.configure()
                .dataSource(url, SERVER.user(), SERVER.password())
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();

        AgentryRun run = worker(url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("agentry worker: the schema of the database at " + url
                        + " is at version 1, this worker needs " + latestVersion()
                        + ": run 'agentry db migrate' first");
        assertThat(installedVersion(url)).isEqualTo("1");
    }

    @Test
    void worker_on_a_data_directory_without_a_database_creates_nothing() throws Exception {
        Path missing = dir.resolve("missing");
        Path empty = Files.createDirectory(dir.resolve("empty"));

        AgentryRun onMissing = AgentryRun.of("worker", "--data-dir", missing.toString());
        AgentryRun onEmpty = AgentryRun.of("worker", "--data-dir", empty.toString());

        assertThat(onMissing.exitCode()).isEqualTo(1);
        assertThat(onMissing.errLines())
                .containsExactly("agentry worker: no Agentry data in " + missing
                        + " (no embedded PostgreSQL cluster in " + missing.resolve("pg")
                        + "); check --data-dir, or run 'agentry serve' there to create one");
        assertThat(missing).doesNotExist();
        assertThat(onEmpty.exitCode()).isEqualTo(1);
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void worker_runs_on_a_newer_schema_with_a_warning() throws Exception {
        String url = SERVER.jdbcUrl(TestDatabase.createEmpty());
        Flyway.configure()
                .dataSource(url, SERVER.user(), SERVER.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        recordFutureMigration(url, "999");

        try (ChildJvm worker = ChildJvm.start(
                Main.class,
                "worker",
                "--database-url",
                url,
                "--database-user",
                SERVER.user(),
                "--database-password",
                SERVER.password(),
                "--node-id",
                "joining-node")) {
            assertThat(worker.awaitLine("agentry worker: warning:", Duration.ofMinutes(1)))
                    .isEqualTo("agentry worker: warning: the schema of the database at " + url
                            + " is at version 999, newer than this worker's " + latestVersion()
                            + "; running anyway, but upgrade this node");
            worker.awaitLine("agentry worker: node joining-node running", Duration.ofMinutes(1));
            worker.terminate(Duration.ofSeconds(60));
        }
        assertThat(installedVersion(url)).isEqualTo("999");
    }

    private static AgentryRun worker(String url) {
        return AgentryRun.of(
                "worker",
                "--database-url",
                url,
                "--database-user",
                SERVER.user(),
                "--database-password",
                SERVER.password());
    }

    private static String latestVersion() {
        try (Database migrated = TestDatabase.fresh()) {
            return Migrations.inspect(migrated.dataSource()).installed();
        }
    }

    private static long tables(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, SERVER.user(), SERVER.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String installedVersion(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, SERVER.user(), SERVER.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT max(version::int)::text FROM flyway_schema_history")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** What a later build's migration leaves in the history. */
    private static void recordFutureMigration(String url, String version) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, SERVER.user(), SERVER.password());
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success)"
                    + " SELECT max(installed_rank) + 1, '" + version + "', 'later build', 'SQL', 'V" + version
                    + "__later_build.sql', 0, current_user, 0, true FROM flyway_schema_history");
        }
    }
}
