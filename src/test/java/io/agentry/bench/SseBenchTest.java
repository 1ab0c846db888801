package io.agentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the sse workload: a server of its own, subscribers over HTTP, every event delivered. */
class SseBenchTest {
    @TempDir
    Path dir;

    @Test
    void every_subscriber_gets_every_event_of_its_stream_once_in_order_and_the_servers_memory_is_read()
            throws Exception {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "sse",
                "--db-url",
                EmptyDatabases.newUrl(),
                "--sse-subscribers",
                "40",
                "--sse-streams",
                "4",
                "--sse-rate",
                "20",
                "--sse-duration-s",
                "1",
                "--timeout-s",
                "120");

        assertThat(run.exitCode()).as(run.err() + run.report()).isZero();
        JsonNode result = run.result();
        assertThat(result.path("subscribers").asInt()).isEqualTo(40);
        assertThat(result.path("events").asInt()).isEqualTo(20);
        // 20 measured events, each on one of 4 streams of 10 subscribers.
        assertThat(result.path("deliveries").asLong()).isEqualTo(200);
        assertThat(result.at("/latency_ms/n").asInt()).isEqualTo(200);
        assertThat(result.path("missing").asLong()).isZero();
        assertThat(result.path("duplicates").asLong()).isZero();
        assertThat(result.path("out_of_order").asLong()).isZero();
        assertThat(result.path("broken_streams").asLong()).isZero();
        for (String phase : new String[] {"server_idle", "server_with_subscribers"}) {
            assertThat(result.at("/" + phase + "/rss_mib").asLong()).isPositive();
            assertThat(result.at("/" + phase + "/heap_live_mib").asLong()).isPositive();
            assertThat(result.at("/" + phase + "/threads").asInt()).isPositive();
        }
        assertThat(Files.readString(Path.of(result.path("server_log").asText())))
                .contains("HTTP API on");
    }
}
