package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.event.EventHub;
import io.agentry.event.TestEvents;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.stream.StreamFeeds;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventRoutesTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(200);

    static ApiTestServer api;
    static ApiTestServer.Org acme;
    UUID stream;

    @BeforeAll
    static void start() {
        api = new ApiTestServer(
                TestDatabase.fresh(), null, EventHub.Options.defaults().withHeartbeat(HEARTBEAT));
        acme = api.newOrg("acme-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void aStream() {
        stream = TestStreams.aStream(api.database.dataSource(), acme.id(), "{}", "{}");
    }

    private String path() {
        return "/api/streams/" + stream + "/events";
    }

    private long append(int n) {
        return TestEvents.append(api.database.dataSource(), acme.id(), stream, n);
    }

    private SseStream open(ApiClient client, String path, String lastEventId) {
        return SseStream.open(api.server.port(), client.key(), path, lastEventId)
                .expect(200);
    }

    @Test
    void a_runs_events_arrive_in_order() {
        try (SseStream events = open(acme.viewer(), path(), "0")) {
            runReportingAgent(api.database);

            List<SseStream.Frame> stored = stored();
            assertThat(stored).hasSizeGreaterThanOrEqualTo(4);
            assertThat(events.take(stored.size())).isEqualTo(stored);
        }
    }

    @Test
    void events_written_on_another_node_reach_this_nodes_subscribers() {
        try (SseStream events = open(acme.viewer(), path(), "0");
                Database otherNode =
                        Database.onServer(api.database.url(), api.database.user(), api.database.password(), 2)) {
            runReportingAgent(otherNode);

            List<SseStream.Frame> stored = stored();
            assertThat(events.take(stored.size())).isEqualTo(stored);
        }
    }

    @Test
    void a_client_resumes_after_its_last_event_id_without_gaps_or_repeats() {
        List<Long> ids = new ArrayList<>();
        List<SseStream.Frame> first;
        try (SseStream events = open(acme.viewer(), path(), "0")) {
            for (int n = 0; n < 5; n++) {
                ids.add(append(n));
            }
            first = events.take(3);
        }
        assertThat(first).extracting(SseStream.Frame::id).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        ids.add(append(5));

        try (SseStream resumed =
                open(acme.viewer(), path(), String.valueOf(first.get(2).id()))) {
            ids.add(append(6));
            assertThat(resumed.take(4)).extracting(SseStream.Frame::id).isEqualTo(ids.subList(3, 7));
        }
    }

    @Test
    void the_last_event_id_may_come_as_a_query_parameter_and_the_header_wins_over_it() {
        long first = append(1);
        long second = append(2);
        long third = append(3);

        try (SseStream byQuery = open(acme.viewer(), path() + "?last_event_id=" + first, null)) {
            assertThat(byQuery.take(2)).extracting(SseStream.Frame::id).containsExactly(second, third);
        }
        try (SseStream both = open(acme.viewer(), path() + "?last_event_id=" + first, String.valueOf(second))) {
            assertThat(both.take(1)).extracting(SseStream.Frame::id).containsExactly(third);
        }
    }

    @Test
    void without_a_last_event_id_the_latest_fifty_come_first_then_the_live_ones() {
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            ids.add(append(n));
        }
        try (SseStream events = open(acme.viewer(), path(), null)) {
            List<SseStream.Frame> latest = events.take(50);
            assertThat(latest).extracting(SseStream.Frame::id).isEqualTo(ids.subList(10, 60));
            assertThat(latest.get(49).event()).isEqualTo("agent-activity");
            assertThat(Json.read(latest.get(49).data()).path("n").asInt()).isEqualTo(59);

            long live = append(60);
            assertThat(events.take(1)).extracting(SseStream.Frame::id).containsExactly(live);
        }
    }

    @Test
    void heartbeat_comments_keep_an_idle_stream_open() {
        try (SseStream events = open(acme.viewer(), path(), "0")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> events.comments() >= 2);
        }
    }

    @Test
    void a_viewer_may_subscribe_and_another_org_or_no_key_may_not() {
        ApiTestServer.Org globex = api.newOrg("globex-" + UUID.randomUUID());
        int port = api.server.port();
        open(acme.viewer(), path(), null).close();
        SseStream.open(port, globex.admin().key(), path(), null).expectError(404, "not_found");
        SseStream.open(port, null, path(), null).expectError(401, "unauthorized");
        SseStream.open(port, acme.viewer().key(), "/api/streams/" + UUID.randomUUID() + "/events", null)
                .expectError(404, "not_found");
    }

    @Test
    void a_bad_stream_id_or_last_event_id_is_a_400_naming_it() {
        int port = api.server.port();
        String key = acme.viewer().key();
        assertThat(SseStream.open(port, key, "/api/streams/nope/events", null)
                        .expectError(400, "invalid_field")
                        .body())
                .contains("\"field\":\"id\"");
        assertThat(SseStream.open(port, key, path(), "seven")
                        .expectError(400, "invalid_field")
                        .body())
                .contains("\"field\":\"Last-Event-ID\"");
        assertThat(SseStream.open(port, key, path() + "?last_event_id=-1", null)
                        .expectError(400, "invalid_field")
                        .body())
                .contains("\"field\":\"last_event_id\"");
    }

    @Test
    void a_request_that_does_not_accept_an_event_stream_is_refused() {
        acme.viewer().get(path()).expectError(406, "not_acceptable");
    }

    @Test
    void a_client_that_stops_reading_is_dropped_and_holds_up_no_other() throws Exception {
        String bulky = "{\"text\": \"" + "x".repeat(16_000) + "\"}";
        try (Socket stalled = stalledClient(acme.viewer().key());
                SseStream reading = open(acme.viewer(), path(), "0")) {
            List<Long> ids = new ArrayList<>();
            // Enough to fill both sides' socket buffers, and then the stalled client's 1,000 waiting events.
            for (int n = 0; n < 1_500; n++) {
                ids.add(Sql.run(
                        api.database.dataSource(),
                        connection -> TestEvents.append(connection, acme.id(), stream, bulky)));
                if (n % 100 == 99) {
                    List<SseStream.Frame> got = reading.take(100);
                    assertThat(got.get(99).id()).isEqualTo(ids.get(n));
                }
            }
            assertThat(drainsToTheEnd(stalled)).isTrue();
        }
    }

    @Test
    void closing_the_server_ends_its_event_streams_at_once() {
        ApiTestServer other = new ApiTestServer();
        ApiTestServer.Org org = other.newOrg("initech");
        UUID theirs = TestStreams.aStream(other.database.dataSource(), org.id(), "{}", "{}");
        SseStream events = SseStream.open(
                        other.server.port(), org.viewer().key(), "/api/streams/" + theirs + "/events", null)
                .expect(200);
        long started = System.nanoTime();
        other.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(ApiConfig.defaults().shutdownGrace().dividedBy(2));
        await().atMost(Duration.ofSeconds(5)).until(events::ended);
        events.close();
    }

    /** A client that sends its request and then reads nothing more than the response's first bytes. */
    private Socket stalledClient(String key) throws IOException {
        Socket socket = new Socket("127.0.0.1", api.server.port());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path() + "?last_event_id=0 HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                        + "Authorization: Bearer " + key + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        byte[] head = new byte[12];
        int read = socket.getInputStream().readNBytes(head, 0, head.length);
        assertThat(new String(head, 0, read, StandardCharsets.UTF_8)).isEqualTo("HTTP/1.1 200");
        return socket;
    }

    /** Reads what the server sent until it closed the connection; false if it stayed open 20 s. */
    private static boolean drainsToTheEnd(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[65_536];
        try {
            while (in.read(buffer) >= 0) {
                // the events it had taken before it was dropped
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }

    /** Runs an agent on the stream that reports three activities and its progress, on a runner of {@code node}. */
    private void runReportingAgent(Database node) {
        AgentRegistry agents = new AgentRegistry();
        agents.register("reporting_agent", context -> {
            for (int step = 1; step <= 3; step++) {
                context.stream()
                        .activity("step-" + step, "Step " + step, Json.object().put("step", step));
            }
            context.stream().publishProgress();
            return AgentResult.success(Json.object());
        });
        UUID agent = new Fixtures(api.database).agent(acme.id(), "reporting_agent");
        acme.editor()
                .post("/api/streams/" + stream + "/agents/" + agent + "/execute", "{}")
                .expect(201);
        Clock clock = Clock.system();
        try (Runner runner = new Runner(
                node,
                agents,
                new StreamFeeds(node.dataSource(), clock),
                RunnerOptions.defaults().withNodeId("node-" + UUID.randomUUID()),
                clock)) {
            assertThat(runner.runOnce()).isEqualTo(1);
        }
    }

    /** The stream's events as the table holds them, in id order. */
    private List<SseStream.Frame> stored() {
        return Sql.run(api.database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, event_type, payload::text FROM stream_events WHERE stream_id = ? ORDER BY id")) {
                statement.setObject(1, stream);
                List<SseStream.Frame> frames = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        frames.add(new SseStream.Frame(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return frames;
            }
        });
    }
}
