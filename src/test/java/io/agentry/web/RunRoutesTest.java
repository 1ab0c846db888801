package io.agentry.web;

import static io.agentry.web.StreamRoutesTest.assertField;
import static io.agentry.web.StreamRoutesTest.walk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunRoutesTest {
    static ApiTestServer api;
    static Fixtures fixtures;
    static ApiTestServer.Org acme;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        fixtures = new Fixtures(api.database);
        acme = api.newOrg("acme");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void a_run_started_through_the_api_runs_the_workflow_and_reads_as_the_command_line_prints_it() {
        UUID stream = stream("Workflow");
        UUID first = assign(stream, "{}");
        UUID second = assign(stream, "{\"depends_on_agent_ids\": [\"" + first + "\"], \"auto_execute\": true}");

        JsonNode started = acme.editor()
                .post("/api/streams/" + stream + "/workflow/run", null)
                .expect(201)
                .json()
                .path("run");
        assertThat(started.path("trigger").asText()).isEqualTo("api");
        assertThat(started.path("status").asText()).isEqualTo("running");
        assertThat(started.path("stream_id").asText()).isEqualTo(stream.toString());
        assertThat(started.path("steps")).hasSize(1);
        assertThat(started.at("/steps/0/agent_id").asText()).isEqualTo(first.toString());
        assertThat(started.at("/steps/0/status").asText()).isEqualTo("queued");

        while (api.runner.runOnce() > 0) {
            // the first agent, then its dependent
        }

        String id = started.path("id").asText();
        JsonNode run =
                acme.viewer().get("/api/workflow-runs/" + id).expect(200).json().path("run");
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("steps"))
                .extracting(step -> step.path("agent_id").asText() + " "
                        + step.path("status").asText())
                .containsExactly(first + " completed", second + " completed");
        WorkflowRuns runs = new WorkflowRuns(api.database.dataSource());
        assertThat(run)
                .isEqualTo(Json.read(Json.write(StreamReports.run(
                        runs,
                        acme.id(),
                        runs.find(acme.id(), UUID.fromString(id)).orElseThrow()))));
    }

    @Test
    void runs_are_listed_newest_first_with_their_steps_and_paged_exactly_once() {
        UUID stream = stream("Many runs");
        assign(stream, "{}");
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(
                    0,
                    acme.editor()
                            .post("/api/streams/" + stream + "/workflow/run", "{}")
                            .expect(201)
                            .json()
                            .at("/run/id")
                            .asText());
        }
        api.runner.runOnce();

        List<JsonNode> walked = walk(acme.viewer(), "/api/streams/" + stream + "/runs?limit=2", 2);

        assertThat(walked).extracting(run -> run.path("id").asText()).containsExactlyElementsOf(started);
        JsonNode all = Json.read(Json.write(StreamReports.runs(api.database.dataSource(), acme.id(), stream, 100)));
        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(walked).allSatisfy(run -> assertThat(run.path("steps")).hasSize(1));
        assertThat(acme.viewer()
                        .get("/api/streams/" + stream("No runs") + "/runs")
                        .expect(200)
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void cancel_ends_a_running_run_and_a_second_cancel_is_a_conflict() {
        UUID stream = stream("Cancelled");
        assign(stream, "{}");
        String run = acme.editor()
                .post("/api/streams/" + stream + "/workflow/run", "{}")
                .expect(201)
                .json()
                .at("/run/id")
                .asText();

        JsonNode cancelled = acme.editor()
                .post("/api/workflow-runs/" + run + "/cancel", "{}")
                .expect(200)
                .json()
                .path("run");
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("completed_at").isNull()).isFalse();
        assertThat(cancelled.at("/steps/0/status").asText()).isEqualTo("cancelled");
        assertThat(fixtures.text("SELECT status FROM agent_tasks WHERE workflow_run_id = '" + run + "'"))
                .isEqualTo("cancelled");

        JsonNode again = acme.editor()
                .post("/api/workflow-runs/" + run + "/cancel", null)
                .expectError(409, "conflict")
                .json();
        assertThat(again.at("/details/status").asText()).isEqualTo("cancelled");
        acme.editor()
                .post("/api/workflow-runs/" + UUID.randomUUID() + "/cancel", null)
                .expectError(404, "not_found");
        acme.viewer().get("/api/workflow-runs/" + UUID.randomUUID()).expectError(404, "not_found");
        assertField(acme.viewer().get("/api/workflow-runs/run-1"), "id");
        assertField(acme.editor().post("/api/workflow-runs/run-1/cancel", null), "id");
    }

    @Test
    void a_run_needs_an_agent_to_start_from_and_no_options() {
        UUID stream = stream("Idle");
        long runs = fixtures.count("SELECT count(*) FROM workflow_runs");

        assertField(acme.editor().post("/api/streams/" + stream + "/workflow/run", null), "stream_id");
        UUID agent = assign(stream, "{\"is_active\": false}");
        assertField(acme.editor().post("/api/streams/" + stream + "/workflow/run", "{}"), "stream_id");
        acme.editor()
                .patch("/api/streams/" + stream + "/agents/" + agent, "{\"is_active\": true}")
                .expect(200);
        JsonNode unknown = acme.editor()
                .post("/api/streams/" + stream + "/workflow/run", "{\"agent_id\": \"" + agent + "\"}")
                .expectError(400, "unknown_field")
                .json();
        assertThat(unknown.at("/details/fields/0").asText()).isEqualTo("agent_id");
        acme.editor().post("/api/streams/" + stream + "/workflow/run", "[]").expectError(400, "malformed_json");
        acme.editor()
                .post("/api/streams/" + UUID.randomUUID() + "/workflow/run", null)
                .expectError(404, "not_found");
        assertField(acme.editor().post("/api/streams/x/workflow/run", null), "id");
        assertThat(fixtures.count("SELECT count(*) FROM workflow_runs")).isEqualTo(runs);
    }

    private static UUID stream(String name) {
        return UUID.fromString(acme.editor()
                .post("/api/streams", "{\"name\": \"" + name + "\"}")
                .expect(201)
                .json()
                .at("/stream/id")
                .asText());
    }

    /** A new test agent assigned to the stream with these assignment fields. */
    private static UUID assign(UUID stream, String fields) {
        UUID agent = fixtures.agent(acme.id(), "test_agent");
        JsonNode body = Json.read(fields);
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("agent_id", agent.toString());
        acme.editor()
                .post("/api/streams/" + stream + "/agents", Json.write(body))
                .expect(201);
        return agent;
    }
}
