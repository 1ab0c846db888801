package io.agentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the enrichment workload on the test server: more companies than one window's permits. */
class EnrichmentBenchTest {
    @TempDir
    Path dir;

    @Test
    void enrichment_enriches_every_company_and_never_exceeds_the_companies_house_limit() {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "enrichment",
                "--db-url",
                EmptyDatabases.newUrl(),
                "--websites",
                "200",
                "--website-delay-ms",
                "0");

        assertThat(run.report()).as("report written; stderr: %s", run.err()).isNotNull();
        assertThat(run.report().path("error").isNull())
                .as("error: %s", run.report().path("error"))
                .isTrue();
        assertThat(run.exitCode()).isZero();
        assertThat(run.report().path("workload").asText()).isEqualTo("enrichment");
        JsonNode result = run.result();
        assertThat(result.path("companies").asInt()).isEqualTo(200);
        assertThat(result.path("median_elapsed_s").asDouble()).isPositive();
        assertThat(result.path("most_requests_in_any_5_minutes").asInt()).isBetween(1, 600);
        assertThat(result.path("too_many_requests").asLong()).isZero();
        assertThat(result.path("rounds")).hasSize(EnrichmentBench.ROUNDS);
        for (JsonNode round : result.path("rounds")) {
            assertThat(round.path("enriched_count").asInt()).isEqualTo(200);
            assertThat(round.path("items_updated").asInt()).isEqualTo(200);
            assertThat(round.path("websites_ok").asInt()).isEqualTo(200);
            assertThat(round.path("companies_house_ok").asInt()
                            + round.path("companies_house_deferred").asInt())
                    .isEqualTo(200);
            assertThat(round.path("companies_house_ok").asInt())
                    .as("four requests a company: the 600 permits serve about 150")
                    .isBetween(140, 150);
            assertThat(round.path("companies_house_requests").asLong()).isBetween(560L, 600L);
        }
    }
}
