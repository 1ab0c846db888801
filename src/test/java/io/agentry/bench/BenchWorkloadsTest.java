package io.agentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny runs of every workload against an empty database on the test server, via {@code --db-url}. */
class BenchWorkloadsTest {
    private static final List<String> ENVELOPE = List.of(
            "peer", "workload", "library", "library_version", "runtime", "concurrency", "settings", "error", "result");
    private static final List<String> STATS = List.of("n", "p50", "p95", "p99", "max", "mean", "min");

    @TempDir
    Path dir;

    @Test
    void w1_runs_every_job_exactly_once_and_reports_the_contract_keys() {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "w1",
                "--db-url",
                EmptyDatabases.newUrl(),
                "--n",
                "200",
                "--concurrency",
                "4",
                "--timeout-s",
                "60");

        assertCounts(run, "w1");
        assertThat(fieldNames(run.result()))
                .containsExactly(
                        "n",
                        "enqueue_s",
                        "enqueue_batch_per_s",
                        "jobs_per_s",
                        "steady_jobs_per_s",
                        "first_job_start_s",
                        "drain_s",
                        "completed",
                        "duplicates",
                        "timed_out");
        assertThat(run.result().path("n").asInt()).isEqualTo(200);
        assertThat(run.result().path("completed").asLong()).isEqualTo(200);
        assertThat(run.result().path("duplicates").asLong()).isZero();
        assertThat(run.result().path("jobs_per_s").asDouble()).isPositive();
    }

    @Test
    void import_loads_a_generated_snapshot_twice_beside_a_raw_copy() {
        BenchRun run =
                BenchRun.of(dir, "--workload", "import", "--db-url", EmptyDatabases.newUrl(), "--import-rows", "2000");

        assertCounts(run, "import");
        assertThat(fieldNames(run.result()))
                .containsExactly(
                        "rows",
                        "file_mib",
                        "raw_copy_s",
                        "raw_copy_rows_per_s",
                        "import_s",
                        "import_rows_per_s",
                        "import_vs_raw_copy",
                        "reimport_s",
                        "reimport_rows_per_s",
                        "heap_max_mib",
                        "heap_peak_used_mib");
        assertThat(run.result().path("rows").asLong()).isEqualTo(2000);
        assertThat(run.result().path("import_rows_per_s").asDouble()).isPositive();
    }

    @Test
    void websites_analyses_every_site_without_a_database() {
        BenchRun run = BenchRun.of(
                dir, "--workload", "websites", "--websites", "20", "--website-delay-ms", "5", "--concurrency", "4");

        assertCounts(run, "websites");
        assertThat(run.result().path("sites").asInt()).isEqualTo(20);
        assertThat(run.result().path("outcomes").path("ANALYZED").asLong()).isEqualTo(20);
        assertThat(run.report().path("settings").has("database_name")).isFalse();
    }

    @Test
    void w2_measures_the_pickup_of_every_job_it_sent() {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "w2",
                "--db-url",
                EmptyDatabases.newUrl(),
                "--w2-duration-s",
                "1",
                "--w2-warmup-s",
                "0.2",
                "--w2-settle-ms",
                "100",
                "--w2-grace-s",
                "10",
                "--timeout-s",
                "60");

        assertCounts(run, "w2");
        assertThat(fieldNames(run.result()))
                .containsExactly("latency_ms", "enqueue_call_ms", "missing", "duplicates", "late_sends", "timed_out");
        assertThat(fieldNames(run.result().path("latency_ms"))).containsExactlyElementsOf(STATS);
        assertThat(fieldNames(run.result().path("enqueue_call_ms"))).containsExactlyElementsOf(STATS);
        assertThat(run.result().path("missing").asInt()).isZero();
        assertThat(run.result().path("duplicates").asLong()).isZero();
        int sent = run.result().path("enqueue_call_ms").path("n").asInt();
        assertThat(sent).isPositive();
        assertThat(run.result().path("latency_ms").path("n").asInt()).isEqualTo(sent);
    }

    @Test
    void w3_stores_the_warm_up_and_the_measured_jobs() {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "w3",
                "--db-url",
                EmptyDatabases.newUrl(),
                "--w3-n",
                "100",
                "--w3-warmup",
                "10",
                "--timeout-s",
                "60");

        assertCounts(run, "w3");
        assertThat(fieldNames(run.result()))
                .containsExactly("n", "elapsed_s", "enqueues_per_s", "call_ms", "stored_jobs");
        assertThat(fieldNames(run.result().path("call_ms"))).containsExactlyElementsOf(STATS);
        assertThat(run.result().path("n").asInt()).isEqualTo(100);
        assertThat(run.result().path("call_ms").path("n").asInt()).isEqualTo(100);
        assertThat(run.result().path("stored_jobs").asLong()).isEqualTo(110);
    }

    @Test
    void claim_workload_times_claims_at_both_queue_sizes() {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "claim",
                "--db-url",
                EmptyDatabases.newUrl(),
                "--claim-batch",
                "4",
                "--claim-samples",
                "20",
                "--claim-small",
                "50",
                "--claim-large",
                "500",
                "--timeout-s",
                "60");

        assertCounts(run, "claim");
        assertThat(run.result().path("small").path("pending").asInt()).isEqualTo(50);
        assertThat(run.result().path("large").path("pending").asInt()).isEqualTo(500);
        assertThat(run.result().path("large").path("claim_ms").path("n").asInt())
                .isEqualTo(20);
        assertThat(run.result().has("claim_p99_ratio")).isTrue();
        assertThat(run.result().has("within_2x")).isTrue();
    }

    @Test
    void variant_is_a_label_copied_to_the_settings_and_nothing_more() {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "w3",
                "--db-url",
                EmptyDatabases.newUrl(),
                "--w3-n",
                "5",
                "--w3-warmup",
                "0",
                "--variant",
                "x-prefetch-64+x-lean-schema on a laptop");

        assertCounts(run, "w3");
        assertThat(run.report().path("settings").path("variant").asText())
                .isEqualTo("x-prefetch-64+x-lean-schema on a laptop");
        assertThat(run.report().path("settings").has("experiments")).isFalse();
    }

    @Test
    void report_names_the_durability_it_ran_with() {
        BenchRun run = BenchRun.of(
                dir, "--workload", "w3", "--db-url", EmptyDatabases.newUrl(), "--w3-n", "5", "--w3-warmup", "0");

        JsonNode settings = run.report().path("settings");
        assertThat(settings.path("synchronous_commit").asText())
                .isIn("on", "off", "local", "remote_write", "remote_apply");
        assertThat(settings.path("synchronous_commit_source").asText()).contains("--db-url");
        assertThat(settings.path("database").asText())
                .doesNotContain(TestDatabase.embedded().password());
    }

    @Test
    void a_database_that_is_not_empty_is_refused_and_the_run_does_not_count() {
        String url = EmptyDatabases.newUrl();
        BenchRun first = BenchRun.of(dir, "--workload", "w3", "--db-url", url, "--w3-n", "5", "--w3-warmup", "0");
        assertThat(first.exitCode()).isZero();

        BenchRun second = BenchRun.of(dir, "--workload", "w3", "--db-url", url, "--w3-n", "5", "--w3-warmup", "0");

        assertThat(second.exitCode()).isNotZero();
        assertThat(second.report().path("error").asText()).contains("is not empty");
    }

    private static void assertCounts(BenchRun run, String workload) {
        assertThat(run.report()).as("report written; stderr: %s", run.err()).isNotNull();
        assertThat(run.report().path("error").isNull())
                .as("error: %s", run.report().path("error"))
                .isTrue();
        assertThat(run.exitCode()).isZero();
        assertThat(fieldNames(run.report())).containsExactlyElementsOf(ENVELOPE);
        assertThat(run.report().path("peer").asText()).isEqualTo("agentry");
        assertThat(run.report().path("workload").asText()).isEqualTo(workload);
        assertThat(run.report().path("runtime").asText()).startsWith("java ");
        assertThat(run.result().path("timed_out").asBoolean(false)).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
