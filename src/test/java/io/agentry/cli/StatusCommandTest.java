package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.AgentRegistry;
import io.agentry.db.Database;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.ChildJvm;
import io.agentry.testing.Fixtures;
import io.agentry.testing.RunnerProcess;
import io.agentry.testing.TestAgents;
import io.agentry.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code agentry status} against a database where nodes run, stop and die. */
class StatusCommandTest {
    private static Database database;
    private static Fixtures fixtures;
    private static TaskQueue queue;
    private static UUID org;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
        queue = new TaskQueue(database.dataSource());
        org = fixtures.organization();
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyQueueAndNodes() {
        fixtures.emptyQueue();
        fixtures.execute("DELETE FROM runner_nodes");
    }

    /** The command's output, as a second process would print it. */
    private static String status(String... flags) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] args = new String[flags.length + 7];
        args[0] = "status";
        args[1] = "--database-url";
        args[2] = database.url();
        args[3] = "--database-user";
        args[4] = database.user();
        args[5] = "--database-password";
        args[6] = database.password();
        System.arraycopy(flags, 0, args, 7, flags.length);
        assertThat(commandLine.execute(args)).as("status: %s", err).isZero();
        return out.toString();
    }

    private static Runner node(String nodeId, String... agentTypes) {
        AgentRegistry registry = new AgentRegistry();
        for (String type : agentTypes) {
            registry.register(type, TestAgents.succeeding());
        }
        RunnerOptions options =
                RunnerOptions.defaults().withNodeId(nodeId).withLease(Duration.ofSeconds(30), Duration.ofSeconds(5));
        return new Runner(database, registry, options, Clock.system());
    }

    private static void enqueue(String agentType, int count, Instant scheduledFor) {
        UUID agent = fixtures.agent(org, agentType);
        queue.enqueueAll(Collections.nCopies(count, NewTask.of(agent, org).withScheduledFor(scheduledFor)));
    }

    @Test
    void status_lists_each_nodes_agent_types_and_counts_pending_tasks_no_running_node_can_run() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        enqueue("writer_agent", 3, later);
        enqueue("research_gpt", 2, later);
        enqueue("scoring_agent", 4, later);
        try (Runner stopped = node("stopped-node", "writer_agent");
                Runner running = node("running-node", "scoring_agent", "enrichment_agent")) {
            stopped.start();
            stopped.stop();
            running.start();

            String text = status();
            JsonNode json = Json.read(status("--json"));

            assertThat(text)
                    .containsPattern("running-node +running .* enrichment_agent, scoring_agent\n")
                    .containsPattern("stopped-node +stopped .* writer_agent\n")
                    .contains("Pending tasks no running node can run: research_gpt 2, writer_agent 3\n")
                    .contains("pending 9,");
            assertThat(json.get("nodes")).anySatisfy(node -> {
                assertThat(node.get("node_id").asText()).isEqualTo("running-node");
                assertThat(node.get("agent_types"))
                        .extracting(JsonNode::asText)
                        .containsExactly("enrichment_agent", "scoring_agent");
                assertThat(node.get("heartbeat_interval_ms").asLong()).isEqualTo(5_000);
                assertThat(node.get("lease_ttl_ms").asLong()).isEqualTo(30_000);
                assertThat(node.get("lost_after_ms").asLong()).isEqualTo(11_000);
            });
            assertThat(json.get("pending_without_node"))
                    .isEqualTo(Json.object().put("research_gpt", 2).put("writer_agent", 3));
        }
    }

    @Test
    void status_says_when_every_pending_task_has_a_node() {
        enqueue("scoring_agent", 1, Instant.now().plus(Duration.ofHours(1)));
        try (Runner running = node("running-node", "scoring_agent")) {
            running.start();

            assertThat(status()).contains("Pending tasks no running node can run: none\n");
            assertThat(Json.read(status("--json")).get("pending_without_node")).isEmpty();
        }
    }

    @Test
    void node_killed_with_sigkill_is_reported_lost_within_its_own_lease_ttl() throws Exception {
        try (ChildJvm doomed = ChildJvm.start(
                RunnerProcess.class,
                database.url(),
                database.user(),
                database.password(),
                "doomed",
                "1",
                "1000",
                "200")) {
            doomed.awaitLine("READY", Duration.ofSeconds(60));
            assertThat(doomedNode().get("status").asText()).isEqualTo("running");
            assertThat(doomedNode().get("lost_after_ms").asLong())
                    .as("its lease TTL: shorter than two heartbeats and a second")
                    .isEqualTo(1_000);

            doomed.kill();
        }

        // A node silent for 30 s, the longest the old fixed rule waited, would pass this bound only
        // if lost nodes were judged by it: this one is judged by its own 1 s lease.
        await().atMost(Duration.ofSeconds(25))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> doomedNode().get("lost").asBoolean());
        JsonNode lost = doomedNode();
        assertThat(lost.get("status").asText()).isEqualTo("stopped");
        assertThat(status()).containsPattern("doomed +stopped .*\\(lost: no heartbeat for more than 1\\.0s\\)");
    }

    private static JsonNode doomedNode() {
        for (JsonNode node : Json.read(status("--json")).get("nodes")) {
            if (node.get("node_id").asText().equals("doomed")) {
                return node;
            }
        }
        throw new AssertionError("node doomed is not listed");
    }
}
