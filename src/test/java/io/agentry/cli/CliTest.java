package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.runner.Maintenance;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Json;
import io.agentry.testing.ChildJvm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int agentry(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void help_documents_every_setting_with_its_environment_variable() {
        assertThat(agentry("serve", "--help")).isZero();

        assertThat(out.toString())
                .contains("--data-dir", "AGENTRY_DATA_DIR")
                .contains("--database-url", "AGENTRY_DATABASE_URL")
                .contains("--database-user", "AGENTRY_DATABASE_USER")
                .contains("--database-password", "AGENTRY_DATABASE_PASSWORD")
                .contains("--slots", "AGENTRY_SLOTS", "Default: 3")
                .contains("--poll-interval", "AGENTRY_POLL_INTERVAL", "Default: 5s")
                .contains("--lease-ttl", "AGENTRY_LEASE_TTL")
                .contains("--heartbeat-interval", "AGENTRY_HEARTBEAT_INTERVAL")
                .contains("--default-timeout", "AGENTRY_DEFAULT_TIMEOUT")
                .contains("--shutdown-grace", "AGENTRY_SHUTDOWN_GRACE")
                .contains("--rescue-interval", "AGENTRY_RESCUE_INTERVAL")
                .contains("--retention", "AGENTRY_RETENTION")
                .contains("--node-id", "AGENTRY_NODE_ID")
                .contains("AGENTRY_LOG_LEVEL");
        assertThat(out.toString().replaceAll("\\s+", " "))
                .as("every range")
                .contains("Agents this node runs at once (1..1000)")
                .contains("(10ms..1h)", "(1s..1d)", "(100ms..1h)", "(1s..7d)", "(0s..1h)", "(0..1000)", "(1m..3650d)");
    }

    @Test
    void help_of_worker_says_it_never_creates_or_migrates() {
        assertThat(agentry("worker", "--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("It never creates the database nor migrates the schema")
                .contains("AGENTRY_LOG_LEVEL");
    }

    @Test
    void runner_flags_default_to_the_runner_and_maintenance_options_defaults() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--node-id", "node-1");

        assertThat(serve.runner.runnerOptions())
                .isEqualTo(RunnerOptions.defaults().withNodeId("node-1"));
        assertThat(serve.runner.maintenanceOptions()).isEqualTo(Maintenance.Options.defaults());
    }

    @Test
    void status_works_while_serve_runs_on_the_same_data_directory(@TempDir Path dataDir) throws Exception {
        try (ChildJvm serve = ChildJvm.start(
                Main.class, "serve", "--data-dir", dataDir.toString(), "--node-id", "serving-node", "--port", "0")) {
            serve.awaitLine("agentry serve: node serving-node running", Duration.ofMinutes(2));
            assertThat(serve.awaitLine("HTTP API on http://127.0.0.1:", Duration.ofSeconds(30)))
                    .contains("/api/openapi.json");
            assertThat(serve.awaitLine("No organization yet", Duration.ofSeconds(30)))
                    .isNotNull();
            assertThat(serve.awaitLine("  agentry keys create --org", Duration.ofSeconds(30)))
                    .isNotNull();

            assertThat(agentry("status", "--data-dir", dataDir.toString(), "--json"))
                    .as("status: %s", err)
                    .isZero();

            JsonNode status = Json.read(out.toString());
            // The node's agents' runner, and its runner of webhook deliveries (docs/webhooks.md).
            assertThat(status.get("nodes"))
                    .extracting(node -> node.get("node_id").asText() + " "
                            + node.get("status").asText())
                    .containsExactlyInAnyOrder("serving-node running", "serving-node-webhooks running");
            assertThat(status.get("stats").get("total").asLong()).isZero();
            serve.terminate(Duration.ofSeconds(60));
        }

        out.getBuffer().setLength(0);
        assertThat(agentry("status", "--data-dir", dataDir.toString(), "--json"))
                .isZero();
        assertThat(Json.read(out.toString()).get("nodes"))
                .as("serve recorded its graceful stop before its database stopped")
                .allSatisfy(node -> assertThat(node.get("status").asText()).isEqualTo("stopped"));
    }

    @Test
    void status_in_a_folder_without_agentry_data_says_where_it_looked_and_creates_nothing(@TempDir Path temp) {
        Path typo = temp.resolve("agentry-dat");

        assertThat(agentry("status", "--data-dir", typo.toString())).isEqualTo(1);

        assertThat(err.toString())
                .startsWith("agentry status: no Agentry data in " + typo + " (no embedded PostgreSQL cluster in "
                        + typo.resolve("pg") + "); check --data-dir, or run 'agentry serve' there to create one");
        assertThat(typo).doesNotExist();
    }

    @Test
    void db_migrate_installs_the_schema_and_says_which_version(@TempDir Path dataDir) throws Exception {
        assertThat(agentry("db", "migrate", "--data-dir", dataDir.toString()))
                .as("migrate: %s", err)
                .isZero();

        int latest = latestMigration();
        assertThat(out.toString()).contains("is at version " + latest + " (" + latest + " migration(s) applied now)");
        assertThat(agentry("db", "migrate", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).contains("is at version " + latest + " (0 migration(s) applied now)");
    }

    /** The highest version among the migrations the build ships (V1__…, V2__…). */
    private static int latestMigration() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max()
                    .orElseThrow();
        }
    }
}
