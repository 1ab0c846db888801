package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.testing.Fixtures;
import io.agentry.testing.TestStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ApiShutdownTest {
    @Test
    void a_stop_lets_the_requests_in_flight_finish() throws Exception {
        ApiTestServer api = new ApiTestServer();
        ApiTestServer.Org org = api.newOrg("shutdown");
        UUID agent = new Fixtures(api.database).agent(org.id(), "test_agent");
        UUID stream = TestStreams.aStream(api.database.dataSource(), org.id(), "{}", "{}");
        CompletableFuture<ApiClient.Response> inFlight;
        CompletableFuture<Void> stopped;
        try (Connection holder = api.database.dataSource().getConnection()) {
            // An execute waits for the stream's row lock: held here, it keeps the request in flight.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM streams WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, stream);
                lock.execute();
            }
            inFlight = CompletableFuture.supplyAsync(
                    () -> org.editor().post("/api/streams/" + stream + "/agents/" + agent + "/execute", "{}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock(api));
            stopped = CompletableFuture.runAsync(api.server::close);
            await().pollDelay(Duration.ofMillis(200))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !stopped.isDone());
            holder.commit();
        }
        assertThat(inFlight.get().status()).isEqualTo(201);
        stopped.get();
        api.events.close();
        api.runner.close();
        api.database.close();
    }

    private static boolean waitingForTheLock(ApiTestServer api) {
        return new Fixtures(api.database)
                        .count(
                                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                > 0;
    }
}
