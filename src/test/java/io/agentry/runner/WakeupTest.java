package io.agentry.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Database;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An idle node polls only every 5 s; a wake-up is what starts a new task at once. Each test
 * enqueues several tasks one by one, each after the previous one finished, so the node is idle in
 * its 5 s wait when the next arrives: only a wake-up can start it within a second.
 *
 * <p>A task enqueued by another process wakes the node through LISTEN/NOTIFY; these tests insert
 * such tasks with plain SQL, as that process's statement would. A task enqueued through this
 * process's {@link TaskQueue} wakes the node directly ({@code LocalEnqueues}).
 */
class WakeupTest {
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration WELL_WITHIN_A_POLL = Duration.ofSeconds(1);

    private static final String INSERT_AS_ANOTHER_PROCESS = """
            WITH task AS (
                INSERT INTO agent_tasks (id, agent_id, org_id, agent_type, task_type, execution_id)
                SELECT gen_random_uuid(), id, org_id, agent_type, 'manual_trigger', gen_random_uuid()
                FROM ai_agents WHERE id = '%1$s' AND org_id = '%2$s'
                RETURNING id, execution_id
            )
            INSERT INTO agent_executions (id, agent_id, org_id, task_id)
            SELECT execution_id, '%1$s', '%2$s', id FROM task
            RETURNING task_id
            """;

    private static final String LISTENING_BACKEND = """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND ltrim(query) LIKE 'LISTEN%' AND state = 'idle'
            """;

    private Database database;
    private Fixtures fixtures;
    private TaskQueue queue;
    private Runner runner;
    private UUID org;
    private UUID agent;
    private final LinkedBlockingQueue<Long> startedAtNanos = new LinkedBlockingQueue<>();

    @BeforeEach
    void startIdleRunner() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
        queue = new TaskQueue(database.dataSource());
        org = fixtures.organization();
        agent = fixtures.agent(org, "scout_agent");
        AgentRegistry registry = new AgentRegistry().register("scout_agent", context -> {
            startedAtNanos.add(System.nanoTime());
            boolean failFirst = context.input().path("fail_first_attempt").asBoolean();
            return failFirst && context.attempt() == 1
                    ? AgentResult.failure("first attempt fails")
                    : AgentResult.success(Json.object());
        });
        runner = new Runner(
                database, registry, RunnerOptions.defaults().withNodeId("idle").withPollInterval(POLL), Clock.system());
        runner.start();
        await().until(() -> runner.status().listening());
    }

    @AfterEach
    void stop() {
        runner.close();
        database.close();
    }

    @Test
    void idle_runner_starts_a_task_enqueued_by_another_process_well_within_a_second() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(secondsToStart(this::enqueueAsAnotherProcess))
                    .as("task %d", i)
                    .isLessThan(WELL_WITHIN_A_POLL.toMillis() / 1000.0);
        }
    }

    @Test
    void idle_runner_starts_a_task_enqueued_in_its_own_process_without_a_notification() throws Exception {
        fixtures.execute("ALTER TABLE agent_tasks DISABLE TRIGGER agent_tasks_notify");

        for (int i = 0; i < 3; i++) {
            assertThat(secondsToStart(
                            () -> queue.enqueue(NewTask.of(agent, org)).taskId()))
                    .as("task %d", i)
                    .isLessThan(WELL_WITHIN_A_POLL.toMillis() / 1000.0);
        }
    }

    @Test
    void wake_ups_recover_after_the_database_dropped_the_listening_connection() throws Exception {
        assertThat(secondsToStart(this::enqueueAsAnotherProcess)).isLessThan(1.0);

        // What a database restart does to every client: FATAL, connection closed.
        long listener = fixtures.count(LISTENING_BACKEND);
        assertThat(fixtures.count("SELECT count(pg_terminate_backend(" + listener + "))"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fixtures.rows(LISTENING_BACKEND) == 1 && fixtures.count(LISTENING_BACKEND) != listener);

        for (int i = 0; i < 3; i++) {
            assertThat(secondsToStart(this::enqueueAsAnotherProcess))
                    .as("task %d after reconnecting", i)
                    .isLessThan(1.0);
        }
    }

    @Test
    void failed_attempt_is_retried_when_its_backoff_ends_not_at_the_next_poll() throws Exception {
        queue.enqueue(NewTask.of(agent, org).withPayload(Json.object().put("fail_first_attempt", true)));

        Long first = startedAtNanos.poll(15, TimeUnit.SECONDS);
        Long second = startedAtNanos.poll(15, TimeUnit.SECONDS);

        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        double gap = (second - first) / 1e9;
        assertThat(gap).as("1 s backoff ± 10 %%, well before the 5 s poll").isBetween(0.9, 4.0);
    }

    private UUID enqueueAsAnotherProcess() {
        return UUID.fromString(fixtures.text(INSERT_AS_ANOTHER_PROCESS.formatted(agent, org)));
    }

    private double secondsToStart(Supplier<UUID> enqueue) throws InterruptedException {
        long enqueuedAt = System.nanoTime();
        UUID taskId = enqueue.get();
        Long startedAt = startedAtNanos.poll(POLL.toSeconds() * 3, TimeUnit.SECONDS);
        assertThat(startedAt).as("task started").isNotNull();
        await().until(() -> fixtures.task(taskId).status().isTerminal());
        return (startedAt - enqueuedAt) / 1e9;
    }
}
