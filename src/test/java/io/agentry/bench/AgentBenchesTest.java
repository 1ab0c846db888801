package io.agentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny runs of the agent workloads against an empty database on the test server. */
class AgentBenchesTest {
    @TempDir
    Path dir;

    @Test
    void discovery_times_runs_that_each_add_the_companies_wanted_and_records_their_plans() {
        BenchRun run = BenchRun.of(
                dir, "--workload", "discovery", "--db-url", EmptyDatabases.newUrl(), "--import-rows", "20000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.result();
        assertThat(result.path("companies").asLong()).isEqualTo(20000);
        assertThat(result.path("series")).hasSize(2);
        for (JsonNode series : result.path("series")) {
            assertThat(series.path("runs").asInt()).isEqualTo(DiscoveryBench.SAMPLES);
            assertThat(series.path("ms").path("p50").asDouble()).isPositive();
            assertThat(series.path("items_created"))
                    .allSatisfy(items -> assertThat(items.asInt()).isEqualTo(DiscoveryBench.COMPANIES));
            assertThat(series.path("plans").get(0).asText()).contains("Execution Time");
        }
    }

    @Test
    void scoring_times_runs_over_a_stream_that_discovery_filled() {
        BenchRun run =
                BenchRun.of(dir, "--workload", "scoring", "--db-url", EmptyDatabases.newUrl(), "--import-rows", "3000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.result();
        // 3,000 companies hold fewer than 10,000 matches: the stream takes them all
        assertThat(result.path("items").asInt()).isPositive().isLessThan(ScoringBench.ITEMS);
        assertThat(result.path("items_updated").asInt())
                .isEqualTo(result.path("items").asInt());
        assertThat(result.path("runs").asInt()).isEqualTo(ScoringBench.SAMPLES);
        assertThat(result.path("ms").path("p50").asDouble()).isPositive();
        assertThat(result.path("rows_written").asInt())
                .isEqualTo(result.path("items").asInt());
        assertThat(result.path("rescoring_ms").path("n").asInt()).isEqualTo(ScoringBench.SAMPLES);
        assertThat(result.path("rescoring_rows_written").asInt()).isZero();
        assertThat(result.path("signals").asInt()).isPositive();
    }
}
