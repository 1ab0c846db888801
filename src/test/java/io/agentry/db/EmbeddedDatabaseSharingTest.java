package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points 3 (the lock) and 7 of DESIGN.md §3 "Embedded, made safe": one server per data directory,
 * shared by every process that opens it. The other process is a real second JVM.
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
    void locked_directory_without_a_published_server_is_reported_with_the_owner_pid() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir)) {
            Files.delete(dataDir.resolve("server.properties")); // as while the owner is still starting

            try (EmbeddedChildJvm other = EmbeddedChildJvm.launch("open", dataDir)) {
                assertThat(other.awaitLine("ERROR"))
                        .contains("data directory " + dataDir.toRealPath() + " is in use by process "
                                + ProcessHandle.current().pid());
                assertThat(other.awaitExit()).isEqualTo(1);
            }
            assertThat(owner.ownsServer()).isTrue();
        }
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
