package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.db.Database;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Batches large enough for COPY, which must store exactly what the insert statement stores. */
class BatchEnqueueTest {
    private static final int LARGE = CopyEnqueue.MIN_TASKS;

    /** Every stored column of a task and its execution that does not change from one enqueue to the next. */
    private static final String ROWS = """
            SELECT string_agg(concat_ws(' | ', t.agent_id, t.org_id, t.agent_type, t.task_type, t.priority, t.payload,
                                        t.status,
                                        t.retry_count, t.max_retries,
                                        CASE WHEN t.scheduled_for = t.created_at THEN 'now' ELSE t.scheduled_for::text END,
                                        t.timeout_seconds, t.attempt, t.workflow_run_id,
                                        e.agent_id, e.org_id, e.stream_id, e.status, e.input_data, e.goal_context,
                                        e.metrics, e.attempts, e.workflow_run_id, e.created_at = t.created_at),
                              E'\\n' ORDER BY (t.payload ->> 'i')::int)
            FROM agent_tasks t JOIN agent_executions e ON e.id = t.execution_id AND e.task_id = t.id
            """;

    private static Database database;
    private static Fixtures fixtures;
    private static TaskQueue queue;
    private static UUID org;
    private static UUID agent;
    private static UUID scorer;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
        queue = new TaskQueue(database.dataSource());
        org = fixtures.organization();
        agent = fixtures.agent(org, "enrichment_agent");
        scorer = fixtures.agent(org, "scoring_agent");
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyQueue() {
        fixtures.emptyQueue();
    }

    /** Tasks that use every field the enqueue stores, each field in several ways. */
    private static List<NewTask> variedTasks(int n) {
        UUID stream = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");
        UUID run = UUID.fromString("00010203-0405-4607-8809-0a0b0c0d0e0f");
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var payload = Json.object().put("i", i).put("note", "tab\t, back\\slash, quote \" and ünïcödé");
            if (i % 2 == 0) {
                payload.put("stream_id", stream.toString());
            }
            if (i % 3 == 0) {
                payload.set("goal_context", Json.object().put("companies_to_find", i));
            } else if (i % 3 == 1) {
                payload.putNull("goal_context");
            }
            tasks.add(NewTask.of(i % 4 == 3 ? scorer : agent, org)
                    .withType(TaskType.values()[i % TaskType.values().length])
                    .withPriority(1 + i % 10)
                    .withPayload(payload)
                    .withMaxRetries(i % 4)
                    .withScheduledFor(
                            i % 5 == 0
                                    ? Instant.parse("2031-02-03T04:05:06.789012Z")
                                            .plusSeconds(i)
                                    : null)
                    .withTimeoutSeconds(i % 7 == 0 ? 60 + i : null)
                    .withWorkflowRunId(i % 2 == 1 ? run : null));
        }
        return tasks;
    }

    @Test
    void large_batch_stores_the_same_tasks_and_executions_as_one_by_one_inserts() {
        List<NewTask> tasks = variedTasks(LARGE);

        List<Enqueued> batch = queue.enqueueAll(tasks);
        String byBatch = fixtures.text(ROWS);
        emptyQueue();
        tasks.forEach(queue::enqueue);
        String oneByOne = fixtures.text(ROWS);

        assertThat(batch).hasSize(LARGE).allMatch(Enqueued::created);
        assertThat(byBatch.lines()).hasSize(LARGE);
        assertThat(byBatch).contains("2031-02-03 04:05:06.789012+00").contains(" | now | ");
        assertThat(byBatch).contains(agent + " | " + org + " | enrichment_agent | ");
        assertThat(byBatch).contains(scorer + " | " + org + " | scoring_agent | ");
        assertThat(byBatch).isEqualTo(oneByOne);
    }

    @Test
    void large_batch_returns_each_task_with_its_own_execution_in_input_order() {
        List<Enqueued> enqueued = queue.enqueueAll(variedTasks(LARGE));

        for (int i = 0; i < LARGE; i += 17) {
            Task task = fixtures.task(enqueued.get(i).taskId());
            assertThat(task.payload().get("i").asInt()).isEqualTo(i);
            assertThat(task.executionId()).isEqualTo(enqueued.get(i).executionId());
        }
    }

    @Test
    void large_batch_with_an_agent_of_another_org_is_refused_and_nothing_stored() {
        UUID otherOrg = fixtures.organization();
        List<NewTask> tasks = new ArrayList<>(variedTasks(LARGE));
        tasks.set(LARGE / 2, NewTask.of(agent, otherOrg));

        assertThatThrownBy(() -> queue.enqueueAll(tasks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent " + agent + " does not exist in organization " + otherOrg);
        assertNothingStored();
    }

    @Test
    void large_batch_with_a_value_the_database_cannot_hold_is_refused_and_nothing_stored() {
        List<NewTask> withNul = new ArrayList<>(variedTasks(LARGE));
        withNul.set(LARGE - 1, NewTask.of(agent, org).withPayload(Json.object().put("note", "a\u0000b")));
        // PostgreSQL's last timestamp is in 294276; microseconds since 2000 overflow a long a week later.
        List<NewTask> pastTheLastYear = new ArrayList<>(variedTasks(LARGE));
        pastTheLastYear.set(3, NewTask.of(agent, org).withScheduledFor(Instant.parse("+294277-01-02T00:00:00Z")));
        List<NewTask> pastAnyTimestamp = new ArrayList<>(variedTasks(LARGE));
        pastAnyTimestamp.set(3, NewTask.of(agent, org).withScheduledFor(Instant.MAX));

        assertThatThrownBy(() -> queue.enqueueAll(withNul))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the database refused a task: ")
                .hasMessageContaining("\\u0000");
        assertThatThrownBy(() -> queue.enqueueAll(pastTheLastYear))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the database refused a task: ")
                .hasMessageContaining("timestamp out of range");
        assertThatThrownBy(() -> queue.enqueueAll(pastAnyTimestamp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp out of range");
        assertNothingStored();
        assertThat(queue.enqueueAll(variedTasks(LARGE))).hasSize(LARGE);
    }

    @Test
    void large_batch_notifies_idle_runners_once() throws Exception {
        try (Connection listener = database.dataSource().getConnection();
                Statement statement = listener.createStatement()) {
            statement.execute("LISTEN agentry_tasks");

            queue.enqueueAll(variedTasks(LARGE));

            statement.execute("SELECT 1");
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertThat(notifications).extracting(PGNotification::getName).containsExactly("agentry_tasks");
            statement.execute("UNLISTEN agentry_tasks");
        }
    }

    @Test
    void large_batch_with_dedupe_keys_returns_the_live_task_for_a_taken_key() {
        Enqueued first = queue.enqueue(NewTask.of(agent, org).withDedupeKey("weekly-scout"));
        List<NewTask> tasks = IntStream.range(0, LARGE)
                .mapToObj(i -> NewTask.of(agent, org).withDedupeKey(i == 7 ? "weekly-scout" : "key-" + i))
                .toList();

        List<Enqueued> enqueued = queue.enqueueAll(tasks);

        assertThat(enqueued.get(7)).isEqualTo(new Enqueued(first.taskId(), first.executionId(), false));
        assertThat(enqueued).filteredOn(Enqueued::created).hasSize(LARGE - 1);
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions")).isEqualTo(LARGE);
    }

    private static void assertNothingStored() {
        assertThat(fixtures.count("SELECT count(*) FROM agent_tasks")).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions")).isZero();
    }
}
