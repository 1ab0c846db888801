package io.agentry.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Database;
import io.agentry.queue.ClaimedTask;
import io.agentry.queue.Leases;
import io.agentry.queue.Outcome;
import io.agentry.runner.Maintenance;
import io.agentry.runner.Runner;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowRunTest {
    private static Database database;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyQueue() {
        new Fixtures(database).emptyQueue();
    }

    /** A → B, A → C, B and C → D. */
    private static WorkflowWorld diamond() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");
        world.assign("c", "a");
        world.assign("d", "b", "c");
        return world;
    }

    @Test
    void in_a_diamond_the_last_agent_runs_once_after_both_of_its_dependencies() {
        WorkflowWorld world = diamond();
        WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.MANUAL);

        try (Runner runner = world.runner("node-1")) {
            WorkflowWorld.drain(runner);
        }

        assertThat(world.runStatus(run.id())).isEqualTo("completed");
        List<String> steps = world.stepsOf(run.id());
        assertThat(steps).hasSize(4).allSatisfy(step -> assertThat(step).endsWith(":completed"));
        assertThat(steps.get(0)).isEqualTo("a:completed");
        assertThat(steps.get(3)).isEqualTo("d:completed");
        assertThat(world.inputs.get("d")).hasSize(1);
        JsonNode upstream = world.inputs.get("d").get(0).path("upstream_outputs");
        assertThat(upstream.path(world.agent("b").toString())
                        .path("output")
                        .path("from")
                        .asText())
                .isEqualTo("b");
        assertThat(upstream.path(world.agent("c").toString())
                        .path("output")
                        .path("from")
                        .asText())
                .isEqualTo("c");
    }

    @Test
    void context_reaches_the_fourth_hop() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");
        world.assign("c", "b");
        world.assign("d", "c");
        WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.MANUAL);

        try (Runner runner = world.runner("node-1")) {
            WorkflowWorld.drain(runner);
        }

        assertThat(world.stepsOf(run.id())).containsExactly("a:completed", "b:completed", "c:completed", "d:completed");
        JsonNode input = world.inputs.get("d").get(0);
        assertThat(input.path("stream_id").asText()).isEqualTo(world.stream.toString());
        assertThat(input.path("workflow_run_id").asText()).isEqualTo(run.id().toString());
        assertThat(input.path("goal_context")
                        .path("goal_criteria")
                        .path("industry")
                        .get(0)
                        .asText())
                .isEqualTo("SaaS");
        assertThat(input.path("goal_context")
                        .path("target_metrics")
                        .path("companies_to_find")
                        .asInt())
                .isEqualTo(5);
        JsonNode upstream = input.path("upstream_outputs");
        assertThat(upstream.size()).isEqualTo(3);
        assertThat(upstream.path(world.agent("a").toString())
                        .path("output")
                        .path("from")
                        .asText())
                .isEqualTo("a");
        assertThat(upstream.path(world.agent("a").toString()).path("agent_type").asText())
                .isEqualTo("step_a");
    }

    @Test
    void a_dependency_failing_for_good_fails_the_run_and_its_dependents_never_run() {
        WorkflowWorld world = diamond();
        world.failing.put("b", "the registry was down");
        setMaxRetriesToZero();
        WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.MANUAL);

        try (Runner runner = world.runner("node-1")) {
            WorkflowWorld.drain(runner);
        }

        WorkflowRun ended = world.runs.find(world.org, run.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo("failed");
        assertThat(ended.errorMessage()).contains("step_b").contains("the registry was down");
        assertThat(ended.completedAt()).isNotNull();
        assertThat(world.inputs).doesNotContainKey("d");
        assertThat(world.stepsOf(run.id()))
                .containsExactlyInAnyOrder("a:completed", "b:failed", "c:completed", "d:cancelled");
        RunStep d = world.runs.steps(world.org, run.id()).stream()
                .filter(step -> step.agentType().equals("step_d"))
                .findFirst()
                .orElseThrow();
        assertThat(d.errorMessage()).isEqualTo("not run: step_b 'step_b agent' failed");
        assertThat(d.taskId()).isNull();
    }

    @Test
    void cancelling_a_run_cancels_its_pending_tasks_and_nothing_more_starts() {
        WorkflowWorld world = diamond();
        WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.MANUAL);

        assertThat(world.workflows.cancel(world.org, run.id())).isTrue();
        try (Runner runner = world.runner("node-1")) {
            WorkflowWorld.drain(runner);
        }

        assertThat(world.runStatus(run.id())).isEqualTo("cancelled");
        assertThat(world.stepsOf(run.id())).containsExactly("a:cancelled");
        assertThat(world.inputs).isEmpty();
        assertThat(world.workflows.cancel(world.org, run.id())).isFalse();
    }

    @Test
    void manual_execute_of_an_agent_with_unfinished_dependencies_is_refused_unless_forced() {
        WorkflowWorld world = diamond();

        assertThatThrownBy(() -> world.workflows.execute(
                        world.org, world.stream, world.agent("d"), Workflows.ExecuteOptions.defaults()))
                .isInstanceOfSatisfying(
                        MissingDependenciesException.class,
                        e -> assertThat(e.missingDependencies()).containsExactly(world.agent("b"), world.agent("c")))
                .hasMessageStartingWith("Dependent agents have not completed execution");
        assertThat(new Fixtures(database).count("SELECT count(*) FROM agent_tasks"))
                .isZero();

        Workflows.Started forced = world.workflows.execute(
                world.org,
                world.stream,
                world.agent("d"),
                Workflows.ExecuteOptions.defaults().forced(true));
        try (Runner runner = world.runner("node-1")) {
            WorkflowWorld.drain(runner);
        }
        assertThat(world.stepsOf(forced.runId())).containsExactly("d:completed");
        assertThat(world.runStatus(forced.runId())).isEqualTo("completed");
    }

    @Test
    void manual_execute_is_allowed_once_each_dependency_completed_on_the_stream_and_its_dependents_follow() {
        WorkflowWorld world = diamond();
        Workflows.Started first =
                world.workflows.execute(world.org, world.stream, world.agent("a"), Workflows.ExecuteOptions.defaults());
        try (Runner runner = world.runner("node-1")) {
            WorkflowWorld.drain(runner);
            assertThat(world.stepsOf(first.runId())).hasSize(4);

            Workflows.Started again = world.workflows.execute(
                    world.org, world.stream, world.agent("b"), Workflows.ExecuteOptions.defaults());
            WorkflowWorld.drain(runner);

            // c is not downstream of b: its earlier completion on the stream stands in this run
            assertThat(world.stepsOf(again.runId())).containsExactly("b:completed", "d:completed");
            assertThat(world.runStatus(again.runId())).isEqualTo("completed");
        }
    }

    @Test
    void an_agent_executed_in_a_running_run_joins_it_with_the_callers_configuration() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");
        WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.API);

        Workflows.Started joined = world.workflows.execute(
                world.org,
                world.stream,
                world.agent("c"),
                Workflows.ExecuteOptions.defaults()
                        .inRun(run.id())
                        .withConfig(Json.object().put("threshold", 0.9))
                        .withTrigger(RunTrigger.API));
        try (Runner runner = world.runner("node-1")) {
            WorkflowWorld.drain(runner);
        }

        assertThat(joined.runId()).isEqualTo(run.id());
        assertThat(world.runs.find(world.org, run.id()).orElseThrow().trigger()).isEqualTo(RunTrigger.API);
        assertThat(world.stepsOf(run.id())).containsExactlyInAnyOrder("a:completed", "c:completed", "b:completed");
        assertThat(world.runStatus(run.id())).isEqualTo("completed");
        assertThat(world.inputs
                        .get("c")
                        .get(0)
                        .path("execution_config")
                        .path("threshold")
                        .asDouble())
                .isEqualTo(0.9);
        assertThatThrownBy(() -> world.workflows.execute(
                        world.org,
                        world.stream,
                        world.agent("d"),
                        Workflows.ExecuteOptions.defaults().inRun(run.id())))
                .isInstanceOfSatisfying(
                        WorkflowException.class, e -> assertThat(e.kind()).isEqualTo(WorkflowException.Kind.CONFLICT))
                .hasMessageContaining("has ended (completed)");
    }

    @Test
    void an_inactive_agent_is_not_executed() {
        WorkflowWorld world = diamond();
        new Fixtures(database).deactivate(world.agent("a"));

        assertThatThrownBy(() -> world.workflows.execute(
                        world.org, world.stream, world.agent("a"), Workflows.ExecuteOptions.defaults()))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("Agent is not active");
    }

    @Test
    void two_dependencies_completing_at_once_on_two_nodes_enqueue_their_dependent_once() throws Exception {
        for (int round = 0; round < 10; round++) {
            WorkflowWorld world = diamond();
            WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.MANUAL);
            try (Runner runner = world.runner("node-1")) {
                runner.runOnce(); // a, which enqueues b and c
            }
            Leases nodeOne = new Leases(database.queueDataSource());
            Leases nodeTwo = new Leases(database.queueDataSource());
            ClaimedTask b = claimOne(nodeOne, "node-1", "step_b");
            ClaimedTask c = claimOne(nodeTwo, "node-2", "step_c");
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Set<UUID>> first =
                    CompletableFuture.supplyAsync(() -> finishTogether(nodeOne, b, together));
            CompletableFuture<Set<UUID>> second =
                    CompletableFuture.supplyAsync(() -> finishTogether(nodeTwo, c, together));
            assertThat(first.get()).containsExactly(b.id());
            assertThat(second.get()).containsExactly(c.id());

            Fixtures fixtures = new Fixtures(database);
            assertThat(fixtures.count("SELECT count(*) FROM agent_tasks WHERE workflow_run_id = '" + run.id()
                            + "' AND agent_id = '" + world.agent("d") + "'"))
                    .as("round %d", round)
                    .isEqualTo(1);
            fixtures.emptyQueue();
        }
    }

    private static ClaimedTask claimOne(Leases leases, String node, String type) {
        List<ClaimedTask> claimed = leases.claim(node, Set.of(type), 1, Duration.ofMinutes(1));
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static Set<UUID> finishTogether(Leases leases, ClaimedTask task, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return leases.finish(List.of(Outcome.completed(task, Json.object(), null, Json.object(), 5)));
    }

    @Test
    void a_node_killed_after_the_first_agent_completed_loses_nothing_of_the_run() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");
        world.assign("c", "b");
        WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.MANUAL);
        try (Runner first = world.runner("node-1")) {
            first.runOnce(); // a completed, b enqueued in the same transaction
        }
        // node-1 claims b and dies holding it: its lease runs out
        claimOne(new Leases(database.queueDataSource()), "node-1", "step_b");
        Fixtures fixtures = new Fixtures(database);
        fixtures.execute("UPDATE agent_tasks SET lease_expires_at = now() - interval '1 second'"
                + " WHERE status = 'processing'");
        try (Maintenance leader = new Maintenance(database, Maintenance.Options.defaults())) {
            assertThat(leader.runOnce().returnedToPending()).isEqualTo(1);
        }

        try (Runner second = world.runner("node-2")) {
            WorkflowWorld.drain(second);
        }

        assertThat(world.stepsOf(run.id())).containsExactly("a:completed", "b:completed", "c:completed");
        assertThat(world.runStatus(run.id())).isEqualTo("completed");
    }

    @Test
    void counters_are_true_after_a_run_with_a_retry_and_a_failure() {
        WorkflowWorld world = new WorkflowWorld(database);
        world.assign("a");
        world.assign("b", "a");
        Fixtures fixtures = new Fixtures(database);
        world.failing.put("a", "flaky");
        WorkflowRun run = world.workflows.startWorkflow(world.org, world.stream, RunTrigger.MANUAL);
        try (Runner runner = world.runner("node-1")) {
            runner.runOnce(); // a fails once and will be retried
            world.failing.remove("a");
            fixtures.execute("UPDATE agent_tasks SET scheduled_for = now() WHERE status = 'pending'");
            world.failing.put("b", "broken");
            setMaxRetriesToZero(); // b, enqueued when a completes, gets no retry
            WorkflowWorld.drain(runner); // a completes on its retry; b fails for good
        }

        assertThat(world.runStatus(run.id())).isEqualTo("failed");
        Assignment a = world.assignments
                .find(world.org, world.stream, world.agent("a"))
                .orElseThrow();
        Assignment b = world.assignments
                .find(world.org, world.stream, world.agent("b"))
                .orElseThrow();
        assertThat(a.totalExecutions()).isEqualTo(1);
        assertThat(a.successfulExecutions()).isEqualTo(1);
        assertThat(a.lastExecutedAt()).isNotNull();
        assertThat(a.avgExecutionTimeMs())
                .isEqualTo(fixtures.count(
                        "SELECT duration_ms FROM agent_executions WHERE agent_id = '" + world.agent("a") + "'"));
        assertThat(b.totalExecutions()).isEqualTo(1);
        assertThat(b.successfulExecutions()).isZero();
        assertThat(b.avgExecutionTimeMs()).isNull();
    }

    private static void setMaxRetriesToZero() {
        new Fixtures(database)
                .execute("CREATE OR REPLACE FUNCTION test_no_retries() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN NEW.max_retries := 0; RETURN NEW; END $$");
        new Fixtures(database)
                .execute("DROP TRIGGER IF EXISTS test_no_retries ON agent_tasks;"
                        + " CREATE TRIGGER test_no_retries BEFORE INSERT ON agent_tasks"
                        + " FOR EACH ROW EXECUTE FUNCTION test_no_retries()");
    }

    @BeforeEach
    void retriesAsConfigured() {
        new Fixtures(database).execute("DROP TRIGGER IF EXISTS test_no_retries ON agent_tasks");
    }
}
