package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points 3 (the lock) and 7 of DESIGN.md §3 "Embedded, made safe": one server per data directory,
 * shared by every process that opens it, whichever starts or stops first. The other processes are
 * real JVMs.
 */
@Timeout(120)
class EmbeddedDatabaseSharingTest {

    @TempDir
    Path temp;

    @Test
    void second_start_on_locked_directory_attaches_to_running_server() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir)) {
            EmbeddedSql.insertEvents(owner, 3);

            try (EmbeddedChildJvm other = EmbeddedChildJvm.launch("open", dataDir)) {
                assertThat(other.awaitLine("OWNS")).isEqualTo("false");
                assertThat(other.awaitLine("COUNT")).isEqualTo("3");
                assertThat(other.awaitExit()).isZero();
            }

            assertThat(EmbeddedSql.countEvents(owner))
                    .as("the attached process's close left the server running")
                    .isEqualTo(3);
        }
    }

    @Test
    void second_start_in_the_same_jvm_attaches_and_its_close_leaves_the_server_running() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir)) {
            try (EmbeddedDatabase attached = EmbeddedDatabase.start(dataDir)) {
                assertThat(attached.ownsServer()).isFalse();
                assertThat(attached.jdbcUrl("postgres")).isEqualTo(owner.jdbcUrl("postgres"));
                assertThat(attached.password()).isEqualTo(owner.password());
            }
            assertThat(EmbeddedSql.query(owner, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void locked_directory_whose_server_is_never_published_is_reported_with_the_owner_pid() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir)) {
            Files.delete(dataDir.resolve("server.properties")); // as while the owner is still starting

            try (EmbeddedChildJvm other = EmbeddedChildJvm.launch("open", dataDir, "1")) {
                assertThat(other.awaitLine("ERROR"))
                        .contains("data directory " + dataDir.toRealPath() + " is in use by process "
                                + ProcessHandle.current().pid())
                        .contains("it has published no running server")
                        .contains("waited 1 s for it");
                assertThat(other.awaitExit()).isEqualTo(1);
            }
            assertThat(owner.ownsServer()).isTrue();
        }
    }

    @Test
    void start_while_another_process_is_still_starting_the_server_waits_for_it() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase before = EmbeddedDatabase.start(dataDir)) {
            EmbeddedSql.insertEvents(before, 3);
        }
        EmbeddedDataDirectory directory = EmbeddedDataDirectory.prepare(dataDir);
        EmbeddedLock lock = EmbeddedLock.tryAcquire(directory.lockFile()).orElseThrow();

        try (EmbeddedChildJvm other = EmbeddedChildJvm.launch("open", dataDir)) {
            other.awaitLog(
                    "Waiting up to 60 s for process " + ProcessHandle.current().pid() + ", which holds " + directory);
            EmbeddedOwner owner = EmbeddedOwner.start(directory, lock, reason -> {});
            try {
                assertThat(other.awaitLine("OWNS")).isEqualTo("false");
                assertThat(other.awaitLine("COUNT")).isEqualTo("3");
                assertThat(other.awaitExit()).isZero();
            } finally {
                owner.close();
            }
        }
    }

    @Test
    void when_the_owner_stops_an_attached_node_takes_over_and_a_third_node_works_too() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedChildJvm first = EmbeddedChildJvm.launch("node", dataDir)) {
            first.awaitLine("READY");
            try (EmbeddedChildJvm second = EmbeddedChildJvm.launch("node", dataDir)) {
                String secondId = second.awaitLine("READY");
                assertThat(lockHolder(dataDir)).isEqualTo(first.pid());

                assertThat(first.stop()).isZero();

                await().atMost(Duration.ofSeconds(30)).until(() -> lockHolder(dataDir) == second.pid());
                second.awaitLog("Started PostgreSQL in");
                try (Database database = Database.open(new DatabaseConfig(null, null, null, dataDir, 2))) {
                    Fixtures fixtures = new Fixtures(database);
                    UUID org = fixtures.organization();
                    UUID agent = fixtures.agent(org, "recording_agent");
                    UUID task = enqueue(database, agent, org);
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> fixtures.task(task).status() == TaskStatus.COMPLETED);
                    assertThat(fixtures.text(
                                    "SELECT string_agg(node_id, ',') FROM test_runs WHERE task_id = '" + task + "'"))
                            .isEqualTo(secondId);

                    try (EmbeddedChildJvm third = EmbeddedChildJvm.launch("node", dataDir)) {
                        third.awaitLog("Attached to the PostgreSQL server");
                        third.awaitLine("READY");
                        UUID later = enqueue(database, agent, org);
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> fixtures.task(later).status() == TaskStatus.COMPLETED);
                        assertThat(fixtures.count("SELECT count(*) FROM test_runs WHERE task_id = '" + later + "'"))
                                .isEqualTo(1);
                        assertThat(third.stop()).isZero();
                    }
                }
                assertThat(second.stop()).isZero();
            }
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    private static UUID enqueue(Database database, UUID agent, UUID org) {
        return new TaskQueue(database.dataSource())
                .enqueue(NewTask.of(agent, org))
                .taskId();
    }

    @Test
    void in_one_jvm_the_attached_database_takes_over_when_the_owner_closes() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir);
        try (EmbeddedDatabase attached = EmbeddedDatabase.start(dataDir)) {
            assertThat(attached.ownsServer()).isFalse();

            owner.close();

            try (Connection connection = attached.connect("postgres", new Properties());
                    Statement statement = connection.createStatement()) {
                assertThat(statement.execute("SELECT 1")).isTrue();
            }
            assertThat(attached.ownsServer()).isTrue();
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void a_database_whose_owner_stops_takes_the_server_over_and_migrates_there() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir);
        try (Database database = Database.open(new DatabaseConfig(null, null, null, dataDir, 2))) {
            new Fixtures(database).count("SELECT 1"); // a pooled connection to the owner's server

            owner.close();
            database.migrate();

            assertThat(new Fixtures(database).count("SELECT count(*) FROM agent_tasks"))
                    .isZero();
            assertThat(lockHolder(dataDir)).isEqualTo(ProcessHandle.current().pid());
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    private static long lockHolder(Path dataDir) {
        return EmbeddedLock.holder(dataDir.toAbsolutePath().resolve("lock")).orElse(0);
    }

    @Test
    void closing_the_owner_stops_the_server_and_withdraws_it() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir);
        long postmaster = PgPidFile.in(dataDir.resolve("pg")).orElseThrow().pid();

        owner.close();

        assertThat(new PgProcess(postmaster).isRunning()).isFalse();
        assertThat(dataDir.resolve("server.properties")).doesNotExist();
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
        assertThatThrownBy(() -> EmbeddedSql.query(owner, "SELECT 1")).isInstanceOf(SQLException.class);
        try (EmbeddedDatabase next = EmbeddedDatabase.start(dataDir)) {
            assertThat(next.ownsServer()).as("the lock was released").isTrue();
        }
    }
}
