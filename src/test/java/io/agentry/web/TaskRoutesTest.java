package io.agentry.web;

import static io.agentry.web.AgentRoutesTest.field;
import static io.agentry.web.AgentRoutesTest.walk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.AgentRegistry;
import io.agentry.queue.Enqueued;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestAgents;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskRoutesTest {
    static ApiTestServer api;
    static Fixtures fixtures;
    static TaskQueue queue;
    static ApiTestServer.Org acme;
    static ApiTestServer.Org globex;
    static UUID worker;
    static UUID failing;

    @BeforeAll
    static void start() {
        AgentRegistry agents = new AgentRegistry();
        agents.register("test_agent", TestAgents.succeeding());
        agents.register("scout_agent", TestAgents.reportingFailure("no news feed is configured"));
        api = new ApiTestServer(TestDatabase.fresh(), agents);
        fixtures = new Fixtures(api.database);
        queue = new TaskQueue(api.database.dataSource());
        acme = api.newOrg("acme");
        globex = api.newOrg("globex");
        worker = fixtures.agent(acme.id(), "test_agent");
        failing = fixtures.agent(acme.id(), "scout_agent");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void a_task_is_read_with_its_queue_columns() {
        Enqueued task = queue.enqueue(NewTask.of(worker, acme.id()).withPriority(8));
        JsonNode read = acme.viewer()
                .get("/api/tasks/" + task.taskId())
                .expect(200)
                .json()
                .path("task");
        assertThat(read.path("id").asText()).isEqualTo(task.taskId().toString());
        assertThat(read.path("status").asText()).isEqualTo("pending");
        assertThat(read.path("priority").asInt()).isEqualTo(8);
        assertThat(read.path("agent_id").asText()).isEqualTo(worker.toString());
        assertThat(read.path("execution_id").asText())
                .isEqualTo(task.executionId().toString());
        assertThat(read.path("task_type").asText()).isEqualTo("manual_trigger");
        assertThat(read.path("max_retries").asInt()).isEqualTo(3);
        cancel(task);
    }

    @Test
    void a_pending_task_is_cancelled_at_once_with_its_execution() {
        Enqueued task = queue.enqueue(NewTask.of(worker, acme.id()));
        JsonNode answer = acme.editor()
                .post("/api/tasks/" + task.taskId() + "/cancel", null)
                .expect(200)
                .json();
        assertThat(answer.path("result").asText()).isEqualTo("cancelled");
        assertThat(answer.at("/task/status").asText()).isEqualTo("cancelled");
        assertThat(fixtures.execution(task.executionId()).status()).isEqualTo("cancelled");

        JsonNode again = acme.editor()
                .post("/api/tasks/" + task.taskId() + "/cancel", null)
                .expectError(409, "conflict")
                .json();
        assertThat(again.at("/details/status").asText()).isEqualTo("cancelled");
    }

    @Test
    void a_processing_task_is_asked_to_stop() {
        Enqueued task = queue.enqueue(NewTask.of(worker, acme.id()));
        fixtures.execute("UPDATE agent_tasks SET status = 'processing', locked_by = 'elsewhere', attempt = 1,"
                + " lease_expires_at = now() + interval '10 minutes' WHERE id = '" + task.taskId() + "'");

        JsonNode answer = acme.editor()
                .post("/api/tasks/" + task.taskId() + "/cancel", null)
                .expect(202)
                .json();
        assertThat(answer.path("result").asText()).isEqualTo("cancel_requested");
        assertThat(answer.at("/task/status").asText()).isEqualTo("processing");
        assertThat(answer.at("/task/cancel_requested_at").isNull()).isFalse();
        fixtures.execute(
                "UPDATE agent_tasks SET status = 'cancelled', completed_at = now() WHERE id = '" + task.taskId() + "'");
    }

    @Test
    void a_completed_task_cannot_be_cancelled_or_retried() {
        Enqueued task = queue.enqueue(NewTask.of(worker, acme.id()));
        api.runner.runOnce();
        String row = row(task.taskId());
        JsonNode cancelled = acme.editor()
                .post("/api/tasks/" + task.taskId() + "/cancel", null)
                .expectError(409, "conflict")
                .json();
        assertThat(cancelled.at("/details/status").asText()).isEqualTo("completed");
        JsonNode retried = acme.editor()
                .post("/api/tasks/" + task.taskId() + "/retry", null)
                .expectError(409, "conflict")
                .json();
        assertThat(retried.path("error").asText()).contains("only a failed task can be retried");
        assertThat(row(task.taskId())).isEqualTo(row);
    }

    @Test
    void a_failed_task_is_retried_back_to_pending() {
        Enqueued task = queue.enqueue(NewTask.of(failing, acme.id()).withMaxRetries(0));
        api.runner.runOnce();
        assertThat(fixtures.task(task.taskId()).status().sql()).isEqualTo("failed");

        JsonNode answer = acme.editor()
                .post("/api/tasks/" + task.taskId() + "/retry", null)
                .expect(200)
                .json();
        assertThat(answer.path("result").asText()).isEqualTo("retried");
        assertThat(answer.at("/task/status").asText()).isEqualTo("pending");
        assertThat(answer.at("/task/retry_count").asInt()).isZero();
        assertThat(fixtures.execution(task.executionId()).status()).isEqualTo("queued");

        JsonNode pending = acme.editor()
                .post("/api/tasks/" + task.taskId() + "/retry", null)
                .expectError(409, "conflict")
                .json();
        assertThat(pending.at("/details/status").asText()).isEqualTo("pending");
        api.runner.runOnce();
        assertThat(fixtures.task(task.taskId()).status().sql()).isEqualTo("failed");
    }

    @Test
    void cancelling_the_task_of_a_workflow_run_cancels_the_run() {
        UUID stream = TestStreams.aStream(api.database.dataSource(), acme.id(), "{}", "{}");
        JsonNode execution = acme.editor()
                .post("/api/streams/" + stream + "/agents/" + worker + "/execute", "{}")
                .expect(201)
                .json()
                .path("execution");
        String taskId = execution.path("task_id").asText();

        acme.editor().post("/api/tasks/" + taskId + "/cancel", null).expect(200);

        assertThat(fixtures.text("SELECT status FROM workflow_runs WHERE id = '"
                        + execution.path("workflow_run_id").asText() + "'"))
                .isEqualTo("cancelled");
    }

    @Test
    void another_orgs_task_is_not_found_on_every_route_and_stays_as_it_was() {
        UUID theirAgent = fixtures.agent(globex.id(), "test_agent");
        Enqueued pending = queue.enqueue(NewTask.of(theirAgent, globex.id()));
        Enqueued failed = queue.enqueue(NewTask.of(theirAgent, globex.id()));
        fixtures.execute(
                "UPDATE agent_tasks SET status = 'failed', completed_at = now() WHERE id = '" + failed.taskId() + "'");
        String pendingRow = row(pending.taskId());
        String failedRow = row(failed.taskId());

        acme.viewer().get("/api/tasks/" + pending.taskId()).expectError(404, "not_found");
        acme.admin().post("/api/tasks/" + pending.taskId() + "/cancel", null).expectError(404, "not_found");
        acme.admin().post("/api/tasks/" + failed.taskId() + "/retry", null).expectError(404, "not_found");
        assertThat(walk(acme.viewer(), "/api/tasks"))
                .doesNotContain(pending.taskId().toString());

        assertThat(row(pending.taskId())).isEqualTo(pendingRow);
        assertThat(row(failed.taskId())).isEqualTo(failedRow);
        globex.editor().post("/api/tasks/" + pending.taskId() + "/cancel", null).expect(200);
    }

    @Test
    void a_viewer_cannot_cancel_or_retry() {
        Enqueued task = queue.enqueue(NewTask.of(worker, acme.id()));
        acme.viewer().post("/api/tasks/" + task.taskId() + "/cancel", null).expectError(403, "forbidden");
        acme.viewer().post("/api/tasks/" + task.taskId() + "/retry", null).expectError(403, "forbidden");
        assertThat(fixtures.task(task.taskId()).status().sql()).isEqualTo("pending");
        cancel(task);
    }

    @Test
    void paging_walks_every_task_once_newest_first_and_filters_apply() {
        ApiTestServer.Org initech = api.newOrg("initech");
        UUID first = fixtures.agent(initech.id(), "test_agent");
        UUID second = fixtures.agent(initech.id(), "test_agent");
        UUID run = UUID.randomUUID();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            NewTask task = NewTask.of(i % 2 == 0 ? first : second, initech.id());
            made.add(queue.enqueue(i < 2 ? task.withWorkflowRunId(run) : task)
                    .taskId()
                    .toString());
        }
        // Every task of the org created in the same instant: the id alone orders them.
        fixtures.execute(
                "UPDATE agent_tasks SET created_at = '2025-06-01T12:00:00Z' WHERE org_id = '" + initech.id() + "'");
        fixtures.execute("UPDATE agent_tasks SET status = 'cancelled' WHERE id = '" + made.get(6) + "'");

        List<String> newestFirst =
                made.stream().sorted((a, b) -> b.compareTo(a)).toList();
        assertThat(walk(initech.viewer(), "/api/tasks?limit=3")).containsExactlyElementsOf(newestFirst);
        assertThat(walk(initech.viewer(), "/api/tasks?agent_id=" + second))
                .containsExactlyInAnyOrder(made.get(1), made.get(3), made.get(5));
        assertThat(walk(initech.viewer(), "/api/tasks?workflow_run_id=" + run))
                .containsExactlyInAnyOrder(made.get(0), made.get(1));
        assertThat(walk(initech.viewer(), "/api/tasks?status=cancelled")).containsExactly(made.get(6));
        field(initech.viewer().get("/api/tasks?status=done"), "status");
        field(initech.viewer().get("/api/tasks?workflow_run_id=x"), "workflow_run_id");
        field(initech.viewer().get("/api/tasks/x"), "id");
        field(initech.editor().post("/api/tasks/x/cancel", null), "id");
        // Other tests step the runner: it must find none of these.
        fixtures.execute("UPDATE agent_tasks SET status = 'cancelled' WHERE status = 'pending' AND org_id = '"
                + initech.id() + "'");
    }

    private static void cancel(Enqueued task) {
        queue.cancel(task.taskId());
    }

    private static String row(UUID taskId) {
        return fixtures.text("SELECT row_to_json(t)::text FROM agent_tasks t WHERE id = '" + taskId + "'");
    }
}
