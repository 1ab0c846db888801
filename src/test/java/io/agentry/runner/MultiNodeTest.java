package io.agentry.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Database;
import io.agentry.queue.ClaimedTask;
import io.agentry.queue.Enqueued;
import io.agentry.queue.Leases;
import io.agentry.queue.NewTask;
import io.agentry.queue.Outcome;
import io.agentry.queue.Task;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.ChildJvm;
import io.agentry.testing.Fixtures;
import io.agentry.testing.RunnerProcess;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several nodes on one database: in one JVM, and as separate processes, one of them killed. */
class MultiNodeTest {
    private static final Duration PROCESS_START = Duration.ofSeconds(60);
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
        fixtures.execute("CREATE TABLE test_runs (task_id uuid NOT NULL, node_id text NOT NULL)");
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyQueue() {
        fixtures.emptyQueue();
        fixtures.execute("DELETE FROM test_runs");
    }

    private static List<UUID> enqueue(String agentType, int count) {
        UUID agent = fixtures.agent(org, agentType);
        return queue
                .enqueueAll(IntStream.range(0, count)
                        .mapToObj(i ->
                                NewTask.of(agent, org).withPayload(Json.object().put("i", i)))
                        .toList())
                .stream()
                .map(Enqueued::taskId)
                .toList();
    }

    @Test
    void claims_are_disjoint_between_runners_in_one_jvm() {
        Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
        List<Runner> runners = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            String node = "node-" + n;
            AgentRegistry registry = new AgentRegistry().register("scoring_agent", context -> {
                runs.computeIfAbsent(context.taskId(), id -> new AtomicInteger())
                        .incrementAndGet();
                perNode.computeIfAbsent(node, id -> new AtomicInteger()).incrementAndGet();
                return AgentResult.success(Json.object());
            });
            runners.add(new Runner(
                    database,
                    registry,
                    RunnerOptions.defaults().withNodeId(node).withSlots(2),
                    Clock.system()));
        }
        List<UUID> tasks = enqueue("scoring_agent", 400);

        runners.forEach(Runner::start);
        try {
            await().atMost(Duration.ofMinutes(3))
                    .until(() -> fixtures.count("SELECT count(*) FROM agent_tasks WHERE status = 'completed'") == 400);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not all completed; tasks by status@node: "
                    + fixtures.text("SELECT string_agg(status || '@' || coalesce(locked_by, '-') || '=' || n, ', ')"
                            + " FROM (SELECT status, locked_by, count(*) n FROM agent_tasks GROUP BY 1, 2) s")
                    + "; runners: " + runners.stream().map(Runner::status).toList());
        } finally {
            runners.forEach(Runner::close);
        }

        assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(perNode.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(400);
    }

    @Test
    void claims_are_disjoint_between_two_runner_processes_and_leave_the_types_they_do_not_run() throws Exception {
        List<UUID> unrunnable;
        try (ChildJvm first = startNode("process-a", 4, "10000", "3000");
                ChildJvm second = startNode("process-b", 4, "10000", "3000")) {
            first.awaitLine("READY", PROCESS_START);
            second.awaitLine("READY", PROCESS_START);

            unrunnable = enqueue("writer_agent", 20);
            enqueue("recording_agent", 300);

            await().atMost(Duration.ofMinutes(3))
                    .until(() -> fixtures.count("SELECT count(*) FROM agent_tasks WHERE status = 'completed'") == 300);
            first.terminate(Duration.ofSeconds(30));
            second.terminate(Duration.ofSeconds(30));
        }

        assertThat(fixtures.count("SELECT count(*) FROM test_runs")).isEqualTo(300);
        assertThat(fixtures.count("SELECT count(DISTINCT task_id) FROM test_runs"))
                .isEqualTo(300);
        assertThat(fixtures.count("SELECT count(DISTINCT node_id) FROM test_runs"))
                .isEqualTo(2);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM runner_nodes WHERE node_id LIKE 'process-_' AND status = 'stopped'"))
                .as("both nodes stopped gracefully on SIGTERM")
                .isEqualTo(2);
        assertThat(unrunnable)
                .as("tasks of a type neither node runs wait, their retries unused")
                .allSatisfy(id -> {
                    Task task = fixtures.task(id);
                    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
                    assertThat(task.attempt()).isZero();
                    assertThat(task.retryCount()).isZero();
                    assertThat(task.errorMessage()).isNull();
                });
    }

    @Test
    void task_of_a_killed_runner_process_is_rescued_and_completed_exactly_once() throws Exception {
        UUID taskId = enqueue("blocking_agent", 1).get(0);
        try (ChildJvm doomed = startNode("doomed", 1, "2000", "500")) {
            doomed.awaitLine("STARTED " + taskId, PROCESS_START);
            doomed.kill();
        }
        Task held = fixtures.task(taskId);
        assertThat(held.status()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(held.lockedBy()).isEqualTo("doomed");

        try (Maintenance rescuer = new Maintenance(database, Maintenance.Options.defaults())) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> rescuer.runOnce().returnedToPending() == 1);
        }
        AgentRegistry registry = new AgentRegistry()
                .register(
                        "blocking_agent",
                        context -> AgentResult.success(Json.object().put("attempt", context.attempt())));
        try (Runner survivor =
                new Runner(database, registry, RunnerOptions.defaults().withNodeId("survivor"), Clock.system())) {
            assertThat(survivor.runOnce()).isEqualTo(1);
        }

        Task task = fixtures.task(taskId);
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.attempt()).isEqualTo(2);
        assertThat(task.retryCount()).as("the lost attempt counts as failed").isEqualTo(1);
        Fixtures.Execution execution = fixtures.execution(task.executionId());
        assertThat(execution.status()).isEqualTo("completed");
        assertThat(execution.outputJson()).isEqualTo("{\"attempt\": 2}");

        ClaimedTask killedAttempt = new ClaimedTask(
                taskId,
                1,
                task.agentId(),
                org,
                task.taskType(),
                5,
                Json.object(),
                0,
                3,
                null,
                task.executionId(),
                null,
                "blocking_agent",
                "blocking",
                true,
                Json.object());
        assertThat(new Leases(database.queueDataSource())
                        .finish(List.of(
                                Outcome.failed(killedAttempt, Outcome.Kind.FAILED, "late", null, 1L, Duration.ZERO))))
                .as("the killed attempt can never change the task")
                .isEmpty();
        assertThat(fixtures.task(taskId).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    private static ChildJvm startNode(String nodeId, int slots, String leaseMs, String heartbeatMs) {
        return ChildJvm.start(
                RunnerProcess.class,
                database.url(),
                database.user(),
                database.password(),
                nodeId,
                String.valueOf(slots),
                leaseMs,
                heartbeatMs);
    }
}
