package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Point 4 of DESIGN.md §3 "Embedded, made safe": starting after a crash, never signalling a stranger. */
@Timeout(120)
class EmbeddedDatabaseRecoveryTest {

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
    void data_survives_sigkill_of_the_owning_process() throws Exception {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        long orphanPid;
        try (EmbeddedChildJvm owner = EmbeddedChildJvm.launch("own", dataDir, "50")) {
            assertThat(owner.awaitLine("READY")).isEqualTo("true");
            orphanPid = PgPidFile.in(dataDir.resolve("pg")).orElseThrow().pid();

            owner.killHard();
        }
        PgProcess orphan = new PgProcess(orphanPid);
        assertThat(orphan.isPostgresServing(dataDir.resolve("pg")))
                .as("the killed process's postgres keeps running")
                .isTrue();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(database.ownsServer()).isTrue();
            assertThat(orphan.isRunning()).as("the orphan was stopped").isFalse();
            assertThat(EmbeddedSql.countEvents(database))
                    .as("every committed row")
                    .isEqualTo(50);
        }
    }

    @Test
    void committed_rows_survive_sigkill_of_the_whole_server() throws Exception {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedChildJvm owner = EmbeddedChildJvm.launch("own", dataDir, "50")) {
            assertThat(owner.awaitLine("READY")).isEqualTo("true");
            long postmaster = PgPidFile.in(dataDir.resolve("pg")).orElseThrow().pid();

            owner.killHard();
            // A crash of the server: postmaster and every child at once (pg_ctl made it a group leader).
            assertThat(new ProcessBuilder("kill", "-KILL", "--", "-" + postmaster)
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(new PgProcess(postmaster).awaitExit(Duration.ofSeconds(10)))
                    .isTrue();
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(EmbeddedSql.countEvents(database))
                    .as("with synchronous_commit=off, the last commits would still sit in WAL buffers")
                    .isEqualTo(50);
        }
    }

    @Test
    void stale_postmaster_pid_of_an_unrelated_process_is_not_signalled() throws Exception {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            writePostmasterPid(unrelated.pid());

            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
                assertThat(EmbeddedSql.query(database, "SELECT 1")).isEqualTo("1");
            }
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly().waitFor();
        }
    }

    @Test
    void stale_postmaster_pid_naming_this_very_jvm_is_removed_without_a_signal() throws Exception {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        // Were it signalled, SIGINT or SIGQUIT would end (or dump) the test JVM itself.
        writePostmasterPid(ProcessHandle.current().pid());

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(EmbeddedSql.query(database, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void stale_postmaster_pid_of_a_process_that_is_gone_is_removed() throws Exception {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePostmasterPid(gone.pid());

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(EmbeddedSql.query(database, "SELECT 1")).isEqualTo("1");
        }
    }

    /** A postmaster.pid as PostgreSQL writes it, naming {@code pid}. */
    private void writePostmasterPid(long pid) throws Exception {
        Path cluster = dataDir.resolve("pg");
        Files.writeString(
                cluster.resolve("postmaster.pid"),
                pid + "\n" + cluster + "\n1700000000\n5999\n\n127.0.0.1\n  1234  5678\nready   \n");
    }
}
