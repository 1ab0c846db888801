package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestStreams;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunnerRoutesTest {
    ApiTestServer api;
    ApiTestServer.Org acme;
    ApiTestServer.Org globex;

    @BeforeEach
    void start() {
        api = new ApiTestServer();
        acme = api.newOrg("acme");
        globex = api.newOrg("globex");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void the_status_counts_the_callers_org_and_the_operator_sees_every_org() {
        execute(acme, 2);
        execute(globex, 1);
        assertThat(api.runner.runOnce()).isEqualTo(3);
        execute(acme, 1);

        JsonNode mine = acme.viewer().get("/api/agents/task-runner").expect(200).json();
        assertThat(mine.path("success").asBoolean()).isTrue();
        assertThat(mine.at("/stats/completed").asLong()).isEqualTo(2);
        assertThat(mine.at("/stats/pending").asLong()).isEqualTo(1);
        assertThat(mine.at("/stats/total").asLong()).isEqualTo(3);
        assertThat(mine.path("recent_tasks")).hasSize(3);
        assertThat(mine.path("recent_tasks"))
                .allSatisfy(task -> assertThat(task.path("org_id").asText())
                        .isEqualTo(acme.id().toString()));
        assertThat(mine.at("/runner/max_concurrent_tasks").asInt()).isEqualTo(3);
        assertThat(mine.at("/runner/polling_interval").asLong()).isEqualTo(5000);

        JsonNode all = api.operator.get("/api/agents/task-runner").expect(200).json();
        assertThat(all.at("/stats/total").asLong()).isEqualTo(4);
        assertThat(all.at("/stats/completed").asLong()).isEqualTo(3);
    }

    @Test
    void the_status_reflects_a_start_and_a_stop() {
        assertThat(status()).isEqualTo("stopped");

        JsonNode started = api.operator
                .post("/api/agents/task-runner", "{\"action\": \"start\"}")
                .expect(200)
                .json();
        assertThat(started.at("/runner/status").asText()).isEqualTo("running");
        assertThat(status()).isEqualTo("running");
        assertThat(acme.viewer().get("/api/agents/task-runner").json().at("/runner/nodes"))
                .anySatisfy(node -> {
                    assertThat(node.path("node_id").asText()).isEqualTo("api-test");
                    assertThat(node.path("status").asText()).isEqualTo("running");
                });

        api.operator.post("/api/agents/task-runner", "{\"action\": \"stop\"}").expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> status().equals("stopped"));
        assertThat(acme.viewer().get("/api/agents/task-runner").json().at("/runner/nodes"))
                .anySatisfy(node -> assertThat(node.path("status").asText()).isEqualTo("stopped"));

        api.operator.post("/api/agents/task-runner", "{\"action\": \"start\"}").expect(200);
        assertThat(status()).isEqualTo("running");
    }

    @Test
    void only_the_operator_controls_the_runner_and_only_with_a_known_action() {
        acme.admin().post("/api/agents/task-runner", "{\"action\": \"stop\"}").expectError(403, "forbidden");
        JsonNode bad = api.operator
                .post("/api/agents/task-runner", "{\"action\": \"pause\"}")
                .expectError(400, "invalid_field")
                .json();
        assertThat(bad.at("/details/field").asText()).isEqualTo("action");
        assertThat(status()).isEqualTo("stopped");
    }

    private String status() {
        return acme.viewer()
                .get("/api/agents/task-runner")
                .expect(200)
                .json()
                .at("/runner/status")
                .asText();
    }

    private void execute(ApiTestServer.Org org, int times) {
        UUID agent = new Fixtures(api.database).agent(org.id(), "test_agent");
        UUID stream = TestStreams.aStream(api.database.dataSource(), org.id(), "{}", "{}");
        for (int i = 0; i < times; i++) {
            org.editor()
                    .post("/api/streams/" + stream + "/agents/" + agent + "/execute", "{}")
                    .expect(201);
        }
    }
}
