package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentry.db.Database;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskQueueTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Set<String> TYPES = Set.of("enrichment_agent");
    private static Database database;
    private static Fixtures fixtures;
    private static TaskQueue queue;
    private static Leases leases;
    private static UUID org;
    private static UUID agent;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
        queue = new TaskQueue(database.dataSource());
        leases = new Leases(database.queueDataSource());
        org = fixtures.organization();
        agent = fixtures.agent(org, "enrichment_agent");
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyQueue() {
        fixtures.emptyQueue();
    }

    private static NewTask aTask() {
        return NewTask.of(agent, org);
    }

    @Test
    void enqueued_task_is_pending_with_a_queued_execution() {
        UUID stream = UUID.randomUUID();
        Enqueued enqueued = queue.enqueue(aTask().withPriority(7)
                .withPayload(Json.object()
                        .put("stream_id", stream.toString())
                        .set("goal_context", Json.object().put("x", 1))));

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.priority()).isEqualTo(7);
        assertThat(task.attempt()).isZero();
        assertThat(task.executionId()).isEqualTo(enqueued.executionId());
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("queued");
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions WHERE stream_id = '" + stream
                        + "' AND goal_context = '{\"x\": 1}' AND task_id = '" + task.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void enqueue_all_stores_every_task_and_execution_in_one_call() {
        UUID stream = UUID.randomUUID();
        List<NewTask> tasks = IntStream.range(0, 500)
                .mapToObj(i -> aTask().withPayload(
                                i % 2 == 0
                                        ? Json.object().put("i", i)
                                        : Json.object().put("i", i).put("stream_id", stream.toString())))
                .toList();

        List<Enqueued> enqueued = queue.enqueueAll(tasks);

        assertThat(enqueued).hasSize(500).allMatch(Enqueued::created);
        assertThat(enqueued.stream().map(Enqueued::taskId).distinct()).hasSize(500);
        assertThat(fixtures.count("SELECT count(*) FROM agent_tasks WHERE status = 'pending'"))
                .isEqualTo(500);
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions WHERE status = 'queued'"))
                .isEqualTo(500);
        assertThat(fixtures.task(enqueued.get(42).taskId()).payload().get("i").asInt())
                .isEqualTo(42);
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions WHERE stream_id = '" + stream + "'"))
                .isEqualTo(250);
    }

    @Test
    void claim_takes_highest_priority_first_then_oldest() {
        Instant base = Instant.now().minusSeconds(60);
        UUID lowOld =
                queue.enqueue(aTask().withPriority(1).withScheduledFor(base)).taskId();
        UUID highNew = queue.enqueue(aTask().withPriority(10).withScheduledFor(base.plusSeconds(2)))
                .taskId();
        UUID highOld = queue.enqueue(aTask().withPriority(10).withScheduledFor(base.plusSeconds(1)))
                .taskId();
        UUID middle =
                queue.enqueue(aTask().withPriority(5).withScheduledFor(base)).taskId();

        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(leases.claim("node-a", TYPES, 1, LEASE).get(0).id());
        }

        assertThat(order).containsExactly(highOld, highNew, middle, lowOld);
    }

    /**
     * Six tasks of three agent types, in the order a claim must take them: priority, then
     * scheduled time, then id (the last two share both, and the first enqueued has the lower id).
     */
    private List<UUID> sixTasksOfThreeTypesInClaimOrder() {
        UUID scorer = fixtures.agent(org, "scoring_agent");
        UUID researcher = fixtures.agent(org, "research_gpt");
        Instant base = Instant.now().minusSeconds(60);
        Instant tie = base.plusSeconds(3);
        UUID scoringLow = queue.enqueue(NewTask.of(scorer, org).withPriority(1).withScheduledFor(base))
                .taskId();
        UUID researchHighLater = queue.enqueue(
                        NewTask.of(researcher, org).withPriority(10).withScheduledFor(base.plusSeconds(2)))
                .taskId();
        UUID enrichmentHigh = queue.enqueue(aTask().withPriority(10).withScheduledFor(base.plusSeconds(1)))
                .taskId();
        UUID scoringMiddle = queue.enqueue(
                        NewTask.of(scorer, org).withPriority(5).withScheduledFor(base))
                .taskId();
        UUID researchTieFirst = queue.enqueue(
                        NewTask.of(researcher, org).withPriority(5).withScheduledFor(tie))
                .taskId();
        UUID enrichmentTieSecond =
                queue.enqueue(aTask().withPriority(5).withScheduledFor(tie)).taskId();
        return List.of(
                enrichmentHigh, researchHighLater, scoringMiddle, researchTieFirst, enrichmentTieSecond, scoringLow);
    }

    private static final Set<String> THREE_TYPES = Set.of("enrichment_agent", "scoring_agent", "research_gpt");

    @Test
    void claim_order_holds_across_agent_types_one_task_at_a_time() {
        List<UUID> expected = sixTasksOfThreeTypesInClaimOrder();

        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            order.add(leases.claim("node-a", THREE_TYPES, 1, LEASE).get(0).id());
        }

        assertThat(order).containsExactlyElementsOf(expected);
    }

    @Test
    void claim_of_several_tasks_keeps_the_best_across_agent_types() {
        List<UUID> expected = sixTasksOfThreeTypesInClaimOrder();

        assertThat(leases.claim("node-a", THREE_TYPES, 4, LEASE))
                .extracting(ClaimedTask::id)
                .containsExactlyElementsOf(expected.subList(0, 4));
        assertThat(leases.claim("node-a", THREE_TYPES, 10, LEASE))
                .extracting(ClaimedTask::id)
                .containsExactlyElementsOf(expected.subList(4, 6));
    }

    @Test
    void claim_takes_only_tasks_of_the_given_agent_types_and_leaves_the_others_untouched() {
        UUID writer = fixtures.agent(org, "writer_agent");
        UUID unrunnable =
                queue.enqueue(NewTask.of(writer, org).withPriority(10)).taskId();
        UUID runnable = queue.enqueue(aTask().withPriority(1)).taskId();

        assertThat(leases.claim("node-a", TYPES, 10, LEASE))
                .extracting(ClaimedTask::id)
                .containsExactly(runnable);
        assertThat(leases.claim("node-a", Set.of(), 10, LEASE)).isEmpty();

        Task waiting = fixtures.task(unrunnable);
        assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(waiting.agentType()).isEqualTo("writer_agent");
        assertThat(waiting.attempt()).isZero();
        assertThat(waiting.retryCount()).isZero();
        assertThat(waiting.errorMessage()).isNull();
    }

    @Test
    void live_tasks_follow_their_agent_to_its_new_type_and_a_failed_one_when_retried() {
        Set<String> scout = Set.of("scout_agent");
        UUID agentThatChanges = fixtures.agent(org, "scout_agent");
        UUID toFail = queue.enqueue(NewTask.of(agentThatChanges, org).withMaxRetries(0))
                .taskId();
        UUID toHold = queue.enqueue(NewTask.of(agentThatChanges, org)).taskId();
        UUID pending = queue.enqueue(NewTask.of(agentThatChanges, org)).taskId();
        ClaimedTask failing = leases.claim("node-a", scout, 1, LEASE).get(0);
        leases.finish(List.of(Outcome.failed(failing, Outcome.Kind.FAILED, "boom", null, 1L, Duration.ZERO)));
        ClaimedTask held = leases.claim("node-a", scout, 1, LEASE).get(0);
        assertThat(List.of(failing.id(), held.id())).containsExactly(toFail, toHold);

        fixtures.execute("UPDATE ai_agents SET agent_type = 'research_gpt' WHERE id = '" + agentThatChanges + "'");
        leases.finish(List.of(Outcome.released(held, "released")));
        assertThat(queue.retry(toFail)).isTrue();

        assertThat(leases.claim("node-a", scout, 10, LEASE)).isEmpty();
        assertThat(leases.claim("node-a", Set.of("research_gpt"), 10, LEASE))
                .extracting(ClaimedTask::id)
                .containsExactlyInAnyOrder(toFail, toHold, pending);
    }

    @Test
    void task_scheduled_for_later_is_not_claimed_before_its_time() {
        UUID later = queue.enqueue(aTask().withScheduledFor(Instant.now().plus(Duration.ofHours(1))))
                .taskId();

        assertThat(leases.claim("node-a", TYPES, 10, LEASE)).isEmpty();

        fixtures.execute(
                "UPDATE agent_tasks SET scheduled_for = now() - interval '1 second' WHERE id = '" + later + "'");
        assertThat(leases.claim("node-a", TYPES, 10, LEASE))
                .extracting(ClaimedTask::id)
                .containsExactly(later);
    }

    @Test
    void claim_marks_task_processing_with_a_lease_and_a_new_attempt() {
        Enqueued enqueued = queue.enqueue(aTask());

        ClaimedTask claimed = leases.claim("node-a", TYPES, 5, LEASE).get(0);

        Task task = fixtures.task(enqueued.taskId());
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.agentType()).isEqualTo("enrichment_agent");
        assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(task.lockedBy()).isEqualTo("node-a");
        assertThat(task.leaseExpiresAt()).isAfter(task.startedAt().plusSeconds(29));
    }

    @Test
    void execution_is_running_once_its_agent_started_and_only_for_the_current_attempt() {
        Enqueued enqueued = queue.enqueue(aTask());
        ClaimedTask claimed = leases.claim("node-a", TYPES, 1, LEASE).get(0);

        leases.markRunning(Map.of(claimed.id(), claimed.attempt() + 1));
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("queued");

        leases.markRunning(Map.of(claimed.id(), claimed.attempt()));
        Fixtures.Execution execution = fixtures.execution(enqueued.executionId());
        assertThat(execution.status()).isEqualTo("running");
        assertThat(execution.attempts()).isEqualTo(1);
        assertThat(execution.started()).isTrue();
    }

    @Test
    void task_for_an_unknown_agent_or_an_agent_of_another_org_is_refused_and_nothing_stored() {
        UUID otherOrg = fixtures.organization();

        assertThatThrownBy(() -> queue.enqueue(NewTask.of(UUID.randomUUID(), org)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist in organization " + org);
        assertThatThrownBy(() -> queue.enqueueAll(List.of(aTask(), NewTask.of(agent, otherOrg))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent " + agent + " does not exist in organization " + otherOrg);
        assertThat(fixtures.count("SELECT count(*) FROM agent_tasks")).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions")).isZero();
    }

    @Test
    void values_the_database_cannot_hold_are_refused_and_nothing_stored() {
        List<NewTask> tasks = List.of(aTask(), aTask().withPayload(Json.object().put("note", "a\u0000b")));

        assertThatThrownBy(() -> queue.enqueueAll(tasks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the database refused a task: ")
                .hasMessageContaining("\\u0000");
        assertThatThrownBy(() -> queue.enqueue(aTask().withScheduledFor(Instant.parse("+300000-01-01T00:00:00Z"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the database refused a task: ");
        assertThat(fixtures.count("SELECT count(*) FROM agent_tasks")).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions")).isZero();
    }

    @Test
    void second_enqueue_with_a_live_dedupe_key_returns_the_existing_task() {
        Enqueued first = queue.enqueue(aTask().withDedupeKey("daily-scout"));
        Enqueued second = queue.enqueue(aTask().withDedupeKey("daily-scout").withPriority(9));

        assertThat(second.created()).isFalse();
        assertThat(second.taskId()).isEqualTo(first.taskId());
        assertThat(second.executionId()).isEqualTo(first.executionId());
        assertThat(fixtures.count("SELECT count(*) FROM agent_tasks")).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions")).isEqualTo(1);
    }

    @Test
    void dedupe_key_is_free_again_once_its_task_ended() {
        Enqueued first = queue.enqueue(aTask().withDedupeKey("k"));
        queue.cancel(first.taskId());

        Enqueued second = queue.enqueue(aTask().withDedupeKey("k"));

        assertThat(second.created()).isTrue();
        assertThat(second.taskId()).isNotEqualTo(first.taskId());
    }

    @Test
    void batch_with_repeated_dedupe_keys_creates_one_task_per_key() {
        List<Enqueued> result = queue.enqueueAll(
                List.of(aTask().withDedupeKey("a"), aTask().withDedupeKey("b"), aTask().withDedupeKey("a"), aTask()));

        assertThat(result.get(2).taskId()).isEqualTo(result.get(0).taskId());
        assertThat(result.get(2).created()).isFalse();
        assertThat(result.get(3).created()).isTrue();
        assertThat(fixtures.count("SELECT count(*) FROM agent_tasks")).isEqualTo(3);
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions")).isEqualTo(3);
    }

    @Test
    void batch_with_a_key_held_by_a_live_task_returns_that_task_and_creates_the_rest() {
        Enqueued live = queue.enqueue(aTask().withDedupeKey("held"));

        List<Enqueued> result =
                queue.enqueueAll(List.of(aTask(), aTask().withDedupeKey("held"), aTask().withDedupeKey("new")));

        assertThat(result).extracting(Enqueued::created).containsExactly(true, false, true);
        assertThat(result.get(1).taskId()).isEqualTo(live.taskId());
        assertThat(result.get(1).executionId()).isEqualTo(live.executionId());
        assertThat(fixtures.count("SELECT count(*) FROM agent_tasks")).isEqualTo(3);
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions")).isEqualTo(3);
    }

    @Test
    void cancelling_a_pending_task_ends_it_at_once_with_its_execution() {
        Enqueued enqueued = queue.enqueue(aTask());

        assertThat(queue.cancel(enqueued.taskId())).isEqualTo(TaskQueue.CancelResult.CANCELLED);

        assertThat(fixtures.task(enqueued.taskId()).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("cancelled");
        assertThat(leases.claim("node-a", TYPES, 10, LEASE)).isEmpty();
    }

    @Test
    void cancelling_an_ended_or_unknown_task_changes_nothing() {
        Enqueued enqueued = queue.enqueue(aTask());
        queue.cancel(enqueued.taskId());

        assertThat(queue.cancel(enqueued.taskId())).isEqualTo(TaskQueue.CancelResult.ALREADY_ENDED);
        assertThat(queue.cancel(UUID.randomUUID())).isEqualTo(TaskQueue.CancelResult.NOT_FOUND);
    }

    @Test
    void cancelling_a_processing_task_requests_the_cancel_from_its_node() {
        Enqueued enqueued = queue.enqueue(aTask());
        leases.claim("node-a", TYPES, 1, LEASE);

        assertThat(queue.cancel(enqueued.taskId())).isEqualTo(TaskQueue.CancelResult.CANCEL_REQUESTED);

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(task.cancelRequestedAt()).isNotNull();
    }

    @Test
    void retrying_a_failed_task_puts_it_back_to_pending_with_its_retries_restored() {
        Enqueued enqueued = queue.enqueue(aTask().withMaxRetries(0));
        ClaimedTask claimed = leases.claim("node-a", TYPES, 1, LEASE).get(0);
        leases.finish(List.of(Outcome.failed(claimed, Outcome.Kind.FAILED, "boom", null, 5L, Duration.ZERO)));
        assertThat(fixtures.task(enqueued.taskId()).status()).isEqualTo(TaskStatus.FAILED);

        assertThat(queue.retry(enqueued.taskId())).isTrue();

        Task task = fixtures.task(enqueued.taskId());
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.retryCount()).isZero();
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("queued");
        assertThat(leases.claim("node-a", TYPES, 1, LEASE))
                .extracting(ClaimedTask::attempt)
                .containsExactly(2);
    }

    @Test
    void only_failed_tasks_can_be_retried() {
        Enqueued pending = queue.enqueue(aTask());

        assertThat(queue.retry(pending.taskId())).isFalse();
        assertThat(queue.retry(UUID.randomUUID())).isFalse();
    }

    @Test
    void result_of_a_stale_attempt_is_fenced_off() {
        Enqueued enqueued = queue.enqueue(aTask());
        ClaimedTask first = leases.claim("node-a", TYPES, 1, LEASE).get(0);
        fixtures.execute("UPDATE agent_tasks SET lease_expires_at = now() - interval '1 second'");
        assertThat(leases.rescueExpired(100).returnedToPending()).isEqualTo(1);
        ClaimedTask second = leases.claim("node-b", TYPES, 1, LEASE).get(0);

        var staleApplied =
                leases.finish(List.of(Outcome.completed(first, Json.object().put("by", "a"), null, null, 1)));
        var currentApplied =
                leases.finish(List.of(Outcome.completed(second, Json.object().put("by", "b"), null, null, 1)));

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(staleApplied).isEmpty();
        assertThat(currentApplied).containsExactly(enqueued.taskId());
        assertThat(fixtures.execution(enqueued.executionId()).outputJson()).contains("\"b\"");
    }

    @Test
    void outcome_is_applied_when_a_lease_renewal_committed_while_it_waited() throws Exception {
        Enqueued enqueued = queue.enqueue(aTask());
        ClaimedTask claimed = leases.claim("node-a", TYPES, 1, LEASE).get(0);
        try (Connection heartbeat = database.dataSource().getConnection()) {
            heartbeat.setAutoCommit(false);
            try (Statement renew = heartbeat.createStatement()) {
                renew.executeUpdate("UPDATE agent_tasks SET lease_expires_at = now() + interval '1 minute'");
            }
            CompletableFuture<Set<UUID>> finishing = CompletableFuture.supplyAsync(
                    () -> leases.finish(List.of(Outcome.completed(claimed, Json.object(), null, null, 1))));
            await().until(() -> fixtures.count(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    == 1);
            heartbeat.commit();

            assertThat(finishing.get(30, TimeUnit.SECONDS)).containsExactly(enqueued.taskId());
        }
        assertThat(fixtures.task(enqueued.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("completed");
    }

    @Test
    void expired_lease_is_returned_to_pending_as_a_failed_attempt() {
        Enqueued enqueued = queue.enqueue(aTask().withMaxRetries(1));
        leases.claim("node-a", TYPES, 1, LEASE);
        fixtures.execute("UPDATE agent_tasks SET lease_expires_at = now() - interval '1 second'");

        Leases.Rescue rescue = leases.rescueExpired(100);

        Task task = fixtures.task(enqueued.taskId());
        assertThat(rescue.returnedToPending()).isEqualTo(1);
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.retryCount()).isEqualTo(1);
        assertThat(task.errorMessage()).contains("lease expired").contains("node-a");
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("queued");
    }

    @Test
    void expired_lease_with_no_retries_left_fails_the_task() {
        Enqueued enqueued = queue.enqueue(aTask().withMaxRetries(0));
        leases.claim("node-a", TYPES, 1, LEASE);
        fixtures.execute("UPDATE agent_tasks SET lease_expires_at = now() - interval '1 second'");

        assertThat(leases.rescueExpired(100).ended()).isEqualTo(1);

        assertThat(fixtures.task(enqueued.taskId()).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(fixtures.execution(enqueued.executionId()).status()).isEqualTo("failed");
    }

    @Test
    void live_lease_is_left_alone_by_the_rescuer() {
        queue.enqueue(aTask());
        leases.claim("node-a", TYPES, 1, LEASE);

        assertThat(leases.rescueExpired(100).total()).isZero();
    }

    @Test
    void renewal_extends_held_leases_and_reports_the_ones_lost() {
        queue.enqueue(aTask());
        ClaimedTask claimed = leases.claim("node-a", TYPES, 1, LEASE).get(0);
        fixtures.execute("UPDATE agent_tasks SET lease_expires_at = now() + interval '1 second'");

        Leases.Renewal renewal = leases.renew(Map.of(claimed.id(), claimed.attempt(), UUID.randomUUID(), 1), LEASE);

        assertThat(renewal.renewed()).containsExactly(claimed.id());
        assertThat(fixtures.count(
                        "SELECT count(*) FROM agent_tasks WHERE lease_expires_at > now() + interval '25 seconds'"))
                .isEqualTo(1);
    }

    @Test
    void completed_tasks_past_retention_are_pruned_and_their_executions_kept() {
        Enqueued old = queue.enqueue(aTask());
        Enqueued recent = queue.enqueue(aTask());
        Enqueued pending = queue.enqueue(aTask().withScheduledFor(Instant.now().plusSeconds(3600)));
        for (ClaimedTask claimed : leases.claim("node-a", TYPES, 10, LEASE)) {
            leases.finish(List.of(Outcome.completed(claimed, Json.object(), null, null, 1)));
        }
        fixtures.execute(
                "UPDATE agent_tasks SET completed_at = now() - interval '8 days' WHERE id = '" + old.taskId() + "'");

        int pruned = queue.pruneCompleted(Duration.ofDays(7), 100);

        assertThat(pruned).isEqualTo(1);
        assertThat(queue.find(old.taskId())).isEmpty();
        assertThat(queue.find(recent.taskId())).isPresent();
        assertThat(queue.find(pending.taskId())).isPresent();
        assertThat(fixtures.execution(old.executionId()).status()).isEqualTo("completed");
    }

    @Test
    void counts_by_status_include_every_status() {
        queue.enqueue(aTask());
        queue.cancel(queue.enqueue(aTask()).taskId());

        assertThat(queue.countByStatus())
                .containsEntry(TaskStatus.PENDING, 1L)
                .containsEntry(TaskStatus.CANCELLED, 1L)
                .containsEntry(TaskStatus.PROCESSING, 0L)
                .hasSize(5);
    }

    @Test
    void bad_task_values_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> aTask().withPriority(11)).hasMessageContaining("priority");
        assertThatThrownBy(() -> aTask().withPriority(0)).hasMessageContaining("priority");
        assertThatThrownBy(() -> aTask().withMaxRetries(-1)).hasMessageContaining("max_retries");
        assertThatThrownBy(() -> aTask().withTimeoutSeconds(0)).hasMessageContaining("timeout_seconds");
        assertThatThrownBy(() -> aTask().withPayload(Json.MAPPER.createArrayNode()))
                .hasMessageContaining("payload");
        assertThatThrownBy(() -> aTask().withPayload(Json.object().put("stream_id", "not-a-uuid")))
                .hasMessageContaining("payload.stream_id");
        assertThatThrownBy(() -> aTask().withPayload(Json.object().put("stream_id", "1-2-3-4-5")))
                .hasMessageContaining("payload.stream_id");
        assertThatThrownBy(() -> aTask().withDedupeKey(" ")).hasMessageContaining("dedupe_key");
    }

    @Test
    void the_seed_monitoring_queries_run_unchanged() {
        queue.enqueue(aTask());
        String executions = """
                SELECT
                  ae.id,
                  aa.name as agent_name,
                  ae.status,
                  ae.duration_ms,
                  ae.metrics,
                  ae.created_at
                FROM agent_executions ae
                JOIN ai_agents aa ON ae.agent_id = aa.id
                WHERE ae.org_id = '%s'
                ORDER BY ae.created_at DESC
                LIMIT 50;
                """.formatted(org);
        String pendingTasks = """
                SELECT
                  at.id,
                  aa.name as agent_name,
                  at.task_type,
                  at.priority,
                  at.status,
                  at.retry_count,
                  at.created_at
                FROM agent_tasks at
                JOIN ai_agents aa ON at.agent_id = aa.id
                WHERE at.status = 'pending'
                ORDER BY at.priority DESC, at.created_at ASC;
                """;
        String failedTasks = """
                SELECT
                  at.*,
                  aa.name as agent_name
                FROM agent_tasks at
                JOIN ai_agents aa ON at.agent_id = aa.id
                WHERE at.status = 'failed'
                ORDER BY at.created_at DESC;
                """;

        assertThat(fixtures.rows(executions)).isEqualTo(1);
        assertThat(fixtures.rows(pendingTasks)).isEqualTo(1);
        assertThat(fixtures.rows(failedTasks)).isZero();
    }
}
