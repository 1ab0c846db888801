package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner of the embedded server keeps it running: a postmaster that dies under a running node
 * is started again, and the node goes on; when that keeps failing, the node exits saying why.
 * The node is a real second JVM, the postmaster is killed with SIGKILL.
 */
@Timeout(180)
class EmbeddedDatabaseSupervisionTest {

    @TempDir
    Path temp;

    Path dataDir;

    @AfterEach
    void no_server_is_left_running() {
        if (dataDir != null) {
            PgShutdown.stopIfRunning(dataDir.resolve("pg"), dataDir.resolve("postgresql.log"));
        }
    }

    @Test
    void postmaster_killed_under_a_running_node_is_restarted_and_its_tasks_complete_once() throws Exception {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedChildJvm node = EmbeddedChildJvm.launch("node", dataDir)) {
            String nodeId = node.awaitLine("READY");
            try (Database database = Database.open(new DatabaseConfig(null, null, null, dataDir, 2))) {
                Fixtures fixtures = new Fixtures(database);
                TaskQueue queue = new TaskQueue(database.dataSource());
                UUID org = fixtures.organization();
                UUID running = queue.enqueue(NewTask.of(fixtures.agent(org, "gated_agent"), org))
                        .taskId();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> fixtures.task(running).startedAt() != null);
                long killed = postmaster().pid();

                long killedAt = System.nanoTime();
                ProcessHandle.of(killed).orElseThrow().destroyForcibly();

                node.awaitLog("PostgreSQL in " + dataDir.toRealPath().resolve("pg") + " (pid " + killed
                        + ") exited unexpectedly; restarting");
                node.awaitLog("Restarted PostgreSQL in");
                UUID later = queue.enqueue(NewTask.of(fixtures.agent(org, "recording_agent"), org))
                        .taskId();
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> fixtures.task(later).status() == TaskStatus.COMPLETED);
                long processingAgainMs = (System.nanoTime() - killedAt) / 1_000_000;
                Files.createFile(dataDir.resolve("gate"));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> fixtures.task(running).status() == TaskStatus.COMPLETED);

                assertThat(postmaster().pid()).isNotEqualTo(killed);
                for (UUID task : List.of(running, later)) {
                    assertThat(fixtures.text(
                                    "SELECT string_agg(node_id, ',') FROM test_runs WHERE task_id = '" + task + "'"))
                            .as("the runs of task %s", task)
                            .isEqualTo(nodeId);
                    assertThat(fixtures.task(task).attempt()).isEqualTo(1);
                }
                System.out.println("Processing again " + processingAgainMs + " ms after the postmaster was killed");
            }

            long stopping = System.nanoTime();
            assertThat(node.stop()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(15));
            assertThat(node.output())
                    .as("a clean stop after the restart: no failed pg_ctl stop")
                    .noneMatch(line -> line.contains("ERROR") || line.contains("Could not stop postmaster"))
                    .anyMatch(line -> line.contains("Stopped PostgreSQL in"));
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void restarts_that_keep_failing_end_the_node_with_one_line_and_status_1() throws Exception {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        Path cluster = dataDir.toRealPath().resolve("pg");
        try (EmbeddedChildJvm serve = EmbeddedChildJvm.agentry(
                "serve", "--data-dir", dataDir.toString(), "--node-id", "doomed", "--port", "0")) {
            serve.awaitOutput("agentry serve: node doomed running");
            // Read at the next start only: every restart after the kill fails.
            Files.writeString(
                    cluster.resolve("postgresql.conf"), "\nthis line is not a setting\n", StandardOpenOption.APPEND);

            ProcessHandle.of(postmaster().pid()).orElseThrow().destroyForcibly();

            String line = serve.awaitOutput("agentry serve: ");
            assertThat(line)
                    .startsWith("agentry serve: the embedded PostgreSQL in " + cluster
                            + " stopped and could not be restarted (5 tries in 60 s): ")
                    .contains("configuration file \"" + cluster.resolve("postgresql.conf") + "\" contains errors");
            assertThat(serve.awaitExit()).isEqualTo(1);
            assertThat(serve.output())
                    .filteredOn(output -> output.startsWith("agentry serve: "))
                    .hasSize(2); // "node doomed running", then the reason
            assertThat(serve.output())
                    .filteredOn(output -> output.contains("Restarting PostgreSQL in " + cluster + " failed"))
                    .hasSize(5);
        }
    }

    private PgPidFile postmaster() {
        return PgPidFile.in(dataDir.resolve("pg")).orElseThrow();
    }
}
