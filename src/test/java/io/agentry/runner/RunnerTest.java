package io.agentry.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Database;
import io.agentry.queue.Backoff;
import io.agentry.queue.Enqueued;
import io.agentry.queue.NewTask;
import io.agentry.queue.Task;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestAgents;
import io.agentry.testing.TestDatabase;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner, stepped by hand with {@link Runner#runOnce()} unless concurrency is the point. */
class RunnerTest {
    private static Database database;
    private static Fixtures fixtures;
    private static TaskQueue queue;
    private static UUID org;

    private final AgentRegistry registry = new AgentRegistry();
    private Runner runner;

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
    void emptyQueue() {
        fixtures.emptyQueue();
    }

    @AfterEach
    void noExecutionOutlivesItsTask() {
        if (runner != null) {
            runner.close();
        }
        assertThat(fixtures.count("""
                        SELECT count(*) FROM agent_tasks t JOIN agent_executions e ON e.id = t.execution_id
                        WHERE t.status IN ('completed', 'failed', 'cancelled') AND e.status IN ('queued', 'running')
                        """))
                .as("executions still queued or running after their task ended")
                .isZero();
    }

    private Runner runner(RunnerOptions options) {
        runner = new Runner(database, registry, options, Clock.system(), new Backoff(0, () -> 0.5));
        return runner;
    }

    private static RunnerOptions options() {
        return RunnerOptions.defaults().withNodeId("test-node").withSlots(1);
    }

    private Enqueued enqueue(String agentType) {
        return queue.enqueue(NewTask.of(fixtures.agent(org, agentType), org));
    }

    @Test
    void successful_agent_completes_its_task_and_execution_with_output_and_metrics() {
        registry.register("scoring_agent", TestAgents.succeeding());
        UUID agent = fixtures.agent(org, "scoring_agent");
        Enqueued enqueued =
                queue.enqueue(NewTask.of(agent, org).withPayload(Json.object().put("i", 7)));

        assertThat(runner(options()).runOnce()).isEqualTo(1);

        Task task = fixtures.task(enqueued.taskId());
        Fixtures.Execution execution = fixtures.execution(enqueued.executionId());
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.completedAt()).isNotNull();
        assertThat(task.lockedBy()).isNull();
        assertThat(execution.status()).isEqualTo("completed");
        assertThat(execution.outputJson()).isEqualTo("{\"echo\": 7}");
        assertThat(execution.attempts()).isEqualTo(1);
        assertThat(execution.durationMs()).isNotNull().isNotNegative();
        JsonNode metrics = Json.read(execution.metricsJson());
        assertThat(metrics.get("items_processed").asInt()).isEqualTo(2);
        assertThat(metrics.get("api_calls").asInt()).isEqualTo(1);
        assertThat(metrics.has("tokens_used")).isTrue();
        assertThat(metrics.has("cost_usd")).isTrue();
        assertThat(metrics.get("duration_ms").asInt()).isEqualTo(execution.durationMs());
    }

    @Test
    void nul_characters_in_a_result_are_stored_as_replacement_characters() {
        registry.register(
                "enrichment_agent",
                context -> AgentResult.success(Json.object()
                        .put("homepage", "Acme\u0000Ltd")
                        .set("pages", Json.MAPPER.createArrayNode().add("\u0000"))));
        registry.register("scout_agent", TestAgents.reportingFailure("feed said \u0000"));
        Enqueued enriched = enqueue("enrichment_agent");
        Enqueued scouted = enqueue("scout_agent");

        runner(options().withSlots(2)).runOnce();

        assertThat(fixtures.task(enriched.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(Json.read(fixtures.execution(enriched.executionId()).outputJson()))
                .isEqualTo(Json.object()
                        .put("homepage", "Acme\uFFFDLtd")
                        .set("pages", Json.MAPPER.createArrayNode().add("\uFFFD")));
        assertThat(fixtures.task(scouted.taskId()).errorMessage()).isEqualTo("feed said \uFFFD");
    }

    @Test
    void result_the_database_refuses_fails_its_task_and_holds_back_no_other_outcome() {
        // numeric in jsonb holds at most 131,072 digits before the decimal point
        BigInteger tooLarge = BigInteger.TEN.pow(140_000);
        registry.register(
                "scoring_agent", context -> AgentResult.success(Json.object().put("score", tooLarge)));
        registry.register("enrichment_agent", TestAgents.succeeding());
        Enqueued refused = enqueue("scoring_agent");
        Enqueued fine = queue.enqueue(NewTask.of(fixtures.agent(org, "enrichment_agent"), org)
                .withPayload(Json.object().put("i", 1)));

        runner(options().withSlots(2)).runOnce();

        Task task = fixtures.task(refused.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.errorMessage()).startsWith("the attempt's result could not be stored: ");
        Fixtures.Execution execution = fixtures.execution(refused.executionId());
        assertThat(execution.status()).isEqualTo("failed");
        assertThat(execution.outputJson()).isNull();
        assertThat(fixtures.task(fine.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void agent_returning_success_false_fails_the_attempt_and_is_retried() {
        registry.register("scout_agent", TestAgents.reportingFailure("no signals source"));
        Enqueued enqueued = enqueue("scout_agent");

        runner(options()).runOnce();

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.retryCount()).isEqualTo(1);
        assertThat(task.errorMessage()).isEqualTo("no signals source");
        Fixtures.Execution execution = fixtures.execution(enqueued.executionId());
        assertThat(execution.status()).isEqualTo("queued");
        assertThat(execution.errorMessage()).isEqualTo("no signals source");
    }

    @Test
    void agent_that_throws_fails_the_attempt_and_is_retried() {
        registry.register("enrichment_agent", TestAgents.throwing("companies house down"));
        Enqueued enqueued = enqueue("enrichment_agent");

        runner(options()).runOnce();

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.errorMessage()).isEqualTo("IllegalStateException: companies house down");
    }

    @Test
    void retries_follow_the_backoff_schedule_then_the_task_fails() {
        registry.register("scout_agent", TestAgents.reportingFailure("nope"));
        Enqueued enqueued = enqueue("scout_agent");
        Runner runner = runner(options());

        for (int retry = 0; retry < 3; retry++) {
            assertThat(runner.runOnce()).isEqualTo(1);
            double delay = fixtures.count(
                            "SELECT (extract(epoch FROM scheduled_for - started_at) * 1000)::bigint FROM agent_tasks")
                    / 1000.0;
            double expected = Math.pow(2, retry);
            assertThat(delay).as("delay after failed attempt %d", retry + 1).isBetween(expected, expected + 0.9);
            if (expected >= 2) {
                assertThat(runner.runOnce()).as("not due before its delay").isZero();
            }
            fixtures.execute("UPDATE agent_tasks SET scheduled_for = now()");
        }
        assertThat(runner.runOnce()).isEqualTo(1);

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.retryCount()).isEqualTo(3);
        assertThat(task.attempt()).isEqualTo(4);
        Fixtures.Execution execution = fixtures.execution(enqueued.executionId());
        assertThat(execution.status()).isEqualTo("failed");
        assertThat(execution.attempts()).isEqualTo(4);
        assertThat(execution.completed()).isTrue();
    }

    @Test
    void attempt_that_outlives_its_timeout_is_interrupted_and_failed() {
        registry.register("research_gpt", TestAgents.blocking(new CountDownLatch(1), new CountDownLatch(1)));
        UUID agent = fixtures.agent(org, "research_gpt");
        Enqueued enqueued =
                queue.enqueue(NewTask.of(agent, org).withTimeoutSeconds(1).withMaxRetries(0));

        runner(options()).runOnce();

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.errorMessage()).isEqualTo("timed out after 1 s");
    }

    @Test
    void timeout_comes_from_the_agent_configuration_when_the_task_sets_none() {
        registry.register("research_gpt", TestAgents.blocking(new CountDownLatch(1), new CountDownLatch(1)));
        UUID agent = fixtures.agent(org, "research_gpt", "{\"timeout_seconds\": 1}");
        Enqueued enqueued = queue.enqueue(NewTask.of(agent, org).withMaxRetries(0));

        runner(options()).runOnce();

        assertThat(fixtures.task(enqueued.taskId()).errorMessage()).isEqualTo("timed out after 1 s");
    }

    @Test
    void inactive_agent_fails_the_task_and_its_execution_without_retries() {
        registry.register("scoring_agent", TestAgents.succeeding());
        UUID agent = fixtures.agent(org, "scoring_agent");
        fixtures.deactivate(agent);
        Enqueued enqueued = queue.enqueue(NewTask.of(agent, org));

        runner(options()).runOnce();

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.errorMessage()).isEqualTo("agent 'scoring_agent agent' (" + agent + ") is inactive");
        Fixtures.Execution execution = fixtures.execution(enqueued.executionId());
        assertThat(execution.status()).isEqualTo("failed");
        assertThat(execution.errorMessage()).isEqualTo(task.errorMessage());
    }

    @Test
    void task_of_an_agent_type_the_node_does_not_run_waits_for_a_node_that_runs_it() {
        registry.register("scoring_agent", TestAgents.succeeding());
        Enqueued waiting = enqueue("writer_agent");
        Enqueued own = enqueue("scoring_agent");

        assertThat(runner(options()).runOnce()).isEqualTo(1);
        assertThat(runner.runOnce()).isZero();

        assertThat(fixtures.task(own.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
        Task task = fixtures.task(waiting.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.attempt()).isZero();
        assertThat(task.retryCount()).isZero();
        assertThat(task.errorMessage()).isNull();
        assertThat(fixtures.execution(waiting.executionId()).status()).isEqualTo("queued");

        AgentRegistry writers = new AgentRegistry().register("writer_agent", TestAgents.succeeding());
        try (Runner writerNode = new Runner(database, writers, options().withNodeId("writer-node"), Clock.system())) {
            assertThat(writerNode.runOnce()).isEqualTo(1);
        }
        Task ran = fixtures.task(waiting.taskId());
        assertThat(ran.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(ran.attempt()).isEqualTo(1);
        assertThat(ran.lockedBy()).isNull();
        assertThat(fixtures.execution(waiting.executionId()).status()).isEqualTo("completed");
    }

    @Test
    void node_without_agent_types_claims_nothing() {
        Enqueued enqueued = enqueue("scoring_agent");

        assertThat(runner(options()).runOnce()).isZero();

        assertThat(fixtures.task(enqueued.taskId()).status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void cancelling_a_running_task_interrupts_its_agent_and_ends_it_cancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        registry.register("scout_agent", TestAgents.blocking(started, new CountDownLatch(1)));
        Enqueued enqueued = enqueue("scout_agent");
        Runner runner = runner(options().withLease(Duration.ofMinutes(5), Duration.ofMinutes(2)));
        runner.start();
        started.await();
        await().until(() -> runner.status().listening());

        assertThat(queue.cancel(enqueued.taskId())).isEqualTo(TaskQueue.CancelResult.CANCEL_REQUESTED);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixtures.task(enqueued.taskId()).status() == TaskStatus.CANCELLED);
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("cancelled");
        assertThat(fixtures.task(enqueued.taskId()).retryCount()).isZero();
    }

    @Test
    void cancel_requested_while_the_node_was_not_listening_arrives_with_the_heartbeat() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        registry.register("scout_agent", TestAgents.blocking(started, new CountDownLatch(1)));
        Enqueued enqueued = enqueue("scout_agent");
        Runner runner = runner(options());
        runner.start();
        started.await();
        fixtures.execute("UPDATE agent_tasks SET cancel_requested_at = now()"); // no notification sent

        runner.heartbeatOnce();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixtures.task(enqueued.taskId()).status() == TaskStatus.CANCELLED);
    }

    @Test
    void graceful_stop_lets_running_agents_finish_and_claims_nothing_new() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        registry.register("scoring_agent", TestAgents.blocking(started, release));
        Enqueued running = enqueue("scoring_agent");
        Runner runner = runner(options().withSlots(2).withShutdownGrace(Duration.ofMinutes(1)));
        runner.start();
        started.await();

        Thread stopping = new Thread(runner::stop);
        stopping.start();
        await().until(() -> runner.status().state() == Runner.State.DRAINING);
        Enqueued late = enqueue("scoring_agent");
        release.countDown();
        stopping.join();

        assertThat(runner.status().state()).isEqualTo(Runner.State.STOPPED);
        assertThat(fixtures.task(running.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(fixtures.task(late.taskId()).status()).isEqualTo(TaskStatus.PENDING);
        assertThat(new NodeRegistry(database.dataSource()).list())
                .filteredOn(node -> node.nodeId().equals("test-node"))
                .extracting(NodeStatus::status)
                .containsExactly("stopped");
    }

    @Test
    void stop_past_the_grace_interrupts_agents_and_gives_their_tasks_back() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        registry.register("scoring_agent", TestAgents.blocking(started, new CountDownLatch(1)));
        Enqueued enqueued = enqueue("scoring_agent");
        Runner runner = runner(options().withShutdownGrace(Duration.ofMillis(200)));
        runner.start();
        started.await();

        runner.stop();

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.retryCount()).as("a release is not a failed attempt").isZero();
        assertThat(task.lockedBy()).isNull();
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("queued");
    }

    @Test
    void node_that_lost_its_lease_stops_its_agent_and_cannot_complete_the_task() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        registry.register("scoring_agent", context -> {
            if (runs.incrementAndGet() == 1) {
                started.countDown();
                new CountDownLatch(1).await(); // until interrupted
            }
            return AgentResult.success(Json.object().put("run", runs.get()));
        });
        Enqueued enqueued = enqueue("scoring_agent");
        Runner slow = runner(options().withNodeId("slow-node"));
        slow.start();
        started.await();
        await().until(() -> slow.status().listening()); // its catch-up heartbeat has run
        fixtures.execute("UPDATE agent_tasks SET lease_expires_at = now() - interval '1 second'");
        try (Maintenance maintenance = new Maintenance(database, Maintenance.Options.defaults())) {
            assertThat(maintenance.runOnce().returnedToPending()).isEqualTo(1);
        }
        Runner other = new Runner(database, registry, options().withNodeId("other-node"), Clock.system());
        assertThat(other.runOnce()).isEqualTo(1);

        slow.heartbeatOnce();
        await().until(() -> slow.status().heldTasks() == 0);

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.attempt()).isEqualTo(2);
        assertThat(fixtures.execution(enqueued.executionId()).outputJson()).isEqualTo("{\"run\": 2}");
        other.close();
    }

    @Test
    void execution_is_running_while_its_agent_runs() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        registry.register("scoring_agent", TestAgents.blocking(started, release));
        Enqueued enqueued = enqueue("scoring_agent");
        runner(options()).start();
        started.await();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixtures.execution(enqueued.executionId()).status().equals("running"));
        release.countDown();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixtures.execution(enqueued.executionId()).status().equals("completed"));
    }

    @Test
    void prefetched_tasks_wait_for_a_slot_and_go_back_to_the_queue_on_shutdown() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger quickRuns = new AtomicInteger();
        registry.register("scout_agent", context -> {
            quickRuns.incrementAndGet();
            return AgentResult.success(Json.object());
        });
        registry.register("scoring_agent", TestAgents.blocking(started, new CountDownLatch(1)));
        // A clock that stands still: every attempt takes no time, so the node always prefetches,
        // however slow the machine running the test.
        runner = new Runner(
                database,
                registry,
                options().withPrefetch(16).withShutdownGrace(Duration.ZERO),
                new SettableClock(Instant.parse("2026-12-02T09:00:00Z")),
                new Backoff(0, () -> 0.5));
        Runner runner = this.runner;
        runner.start();
        Enqueued quick = enqueue("scout_agent"); // times one attempt: short tasks may be prefetched
        await().until(() -> fixtures.task(quick.taskId()).status() == TaskStatus.COMPLETED);
        UUID blockingAgent = fixtures.agent(org, "scoring_agent");
        UUID quickAgent = fixtures.agent(org, "scout_agent");
        Enqueued blocking = queue.enqueue(NewTask.of(blockingAgent, org).withPriority(10));
        started.await();
        List<UUID> waiting = List.of(
                queue.enqueue(NewTask.of(quickAgent, org)).taskId(),
                queue.enqueue(NewTask.of(quickAgent, org)).taskId());
        await().until(() -> runner.status().heldTasks() == 3);
        assertThat(quickRuns).as("the slot is busy: prefetched tasks wait").hasValue(1);

        runner.stop();

        assertThat(fixtures.task(blocking.taskId()).status()).isEqualTo(TaskStatus.PENDING);
        for (UUID id : waiting) {
            Task task = fixtures.task(id);
            assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(task.retryCount()).isZero();
            assertThat(task.errorMessage()).isEqualTo("released: node shut down before it started");
        }
        assertThat(quickRuns).hasValue(1);
    }

    @Test
    void heartbeat_renews_the_leases_of_running_tasks() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        registry.register("scoring_agent", TestAgents.blocking(started, release));
        enqueue("scoring_agent");
        Runner runner = runner(options());
        runner.start();
        started.await();
        fixtures.execute("UPDATE agent_tasks SET lease_expires_at = now() + interval '1 second'");

        runner.heartbeatOnce();

        assertThat(fixtures.count(
                        "SELECT count(*) FROM agent_tasks WHERE lease_expires_at > now() + interval '25 seconds'"))
                .isEqualTo(1);
        release.countDown();
    }

    @Test
    void status_tells_the_state_slots_and_tasks_in_flight() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        registry.register("scoring_agent", TestAgents.blocking(started, release));
        enqueue("scoring_agent");
        enqueue("scoring_agent");
        Runner runner = runner(options().withSlots(3));
        assertThat(runner.status().state()).isEqualTo(Runner.State.STOPPED);

        runner.start();
        started.await();

        RunnerStatus status = runner.status();
        assertThat(status.state()).isEqualTo(Runner.State.RUNNING);
        assertThat(status.slots()).isEqualTo(3);
        assertThat(status.busySlots()).isEqualTo(2);
        assertThat(status.heldTasks()).isEqualTo(2);
        runner.heartbeatOnce();
        assertThat(new NodeRegistry(database.dataSource()).list())
                .filteredOn(node -> node.nodeId().equals("test-node"))
                .singleElement()
                .satisfies(node -> {
                    assertThat(node.status()).isEqualTo("running");
                    assertThat(node.inFlight()).isEqualTo(2);
                    assertThat(node.slots()).isEqualTo(3);
                });
        release.countDown();
    }

    @Test
    void runner_can_be_stopped_and_started_again() {
        registry.register("scoring_agent", TestAgents.succeeding());
        Runner runner = runner(options());
        runner.start();
        runner.stop();
        runner.start();
        Enqueued enqueued = enqueue("scoring_agent");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixtures.task(enqueued.taskId()).status() == TaskStatus.COMPLETED);
        assertThat(runner.status().state()).isEqualTo(Runner.State.RUNNING);
    }

    @Test
    void node_lists_the_agent_types_it_runs_and_the_heartbeat_and_lease_it_keeps() {
        registry.register("scoring_agent", TestAgents.succeeding());
        registry.register("research_gpt", TestAgents.succeeding());
        Runner runner = runner(options().withLease(Duration.ofSeconds(20), Duration.ofSeconds(4)));
        runner.start();

        assertThat(new NodeRegistry(database.dataSource()).list())
                .filteredOn(node -> node.nodeId().equals("test-node"))
                .singleElement()
                .satisfies(node -> {
                    assertThat(node.agentTypes()).containsExactly("research_gpt", "scoring_agent");
                    assertThat(node.heartbeatIntervalMs()).isEqualTo(4_000);
                    assertThat(node.leaseTtlMs()).isEqualTo(20_000);
                    assertThat(node.lostAfterMs())
                            .as("two heartbeats and a second")
                            .isEqualTo(9_000);
                    assertThat(node.lost()).isFalse();
                });
    }

    @Test
    void a_node_is_lost_when_silent_past_its_own_lease_or_two_of_its_heartbeats() {
        NodeRegistry nodes = new NodeRegistry(database.dataSource());
        RunnerOptions quick = options().withLease(Duration.ofSeconds(1), Duration.ofMillis(200));
        RunnerOptions slow = options().withLease(Duration.ofSeconds(30), Duration.ofSeconds(10));
        nodes.register(quick.withNodeId("quick-node"), "host", 42, Set.of("scoring_agent"));
        nodes.register(slow.withNodeId("slow-node"), "host", 43, Set.of("scoring_agent"));
        fixtures.execute("UPDATE runner_nodes SET heartbeat_at = now() - interval '2 seconds'"
                + " WHERE node_id IN ('quick-node', 'slow-node')");

        assertThat(nodes.list())
                .filteredOn(node -> List.of("quick-node", "slow-node").contains(node.nodeId()))
                .extracting(NodeStatus::nodeId, NodeStatus::status, NodeStatus::lost, NodeStatus::lostAfterMs)
                .containsExactlyInAnyOrder(
                        tuple("quick-node", "stopped", true, 1_000L), tuple("slow-node", "running", false, 21_000L));

        fixtures.execute(
                "UPDATE runner_nodes SET heartbeat_at = now() - interval '22 seconds' WHERE node_id = 'slow-node'");
        assertThat(nodes.list())
                .filteredOn(node -> node.nodeId().equals("slow-node"))
                .singleElement()
                .satisfies(node -> {
                    assertThat(node.status()).isEqualTo("stopped");
                    assertThat(node.lost()).isTrue();
                    assertThat(node.inFlight()).isZero();
                });
    }
}
