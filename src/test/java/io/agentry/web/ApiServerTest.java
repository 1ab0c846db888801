package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiServerTest {
    static ApiTestServer api;
    static ApiTestServer.Org acme;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        acme = api.newOrg("acme-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void operator_creates_an_org_with_its_first_admin_key_shown_once() {
        JsonNode created = api.operator
                .post("/api/orgs", "{\"name\": \"globex\"}")
                .expect(201)
                .json();
        assertThat(created.at("/org/name").asText()).isEqualTo("globex");
        assertThat(created.at("/api_key/role").asText()).isEqualTo("admin");
        String key = created.at("/api_key/key").asText();
        assertThat(key).startsWith("agk_");

        JsonNode keys = api.client(key).get("/api/keys").expect(200).json().path("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).has("key")).isFalse();
        assertThat(keys.get(0).path("id").asText())
                .isEqualTo(created.at("/api_key/id").asText());
        assertThat(api.database.dataSource()).isNotNull();
        assertThat(new Fixtures(api.database)
                        .text("SELECT encode(key_hash, 'hex') FROM api_keys WHERE id = '"
                                + created.at("/api_key/id").asText() + "'"))
                .hasSize(64)
                .doesNotContain(key);
    }

    @Test
    void a_second_org_with_the_same_name_is_a_conflict() {
        api.operator.post("/api/orgs", "{\"name\": \"initech\"}").expect(201);
        api.operator.post("/api/orgs", "{\"name\": \"initech\"}").expectError(409, "conflict");
    }

    @Test
    void a_revoked_key_is_refused_at_once() {
        JsonNode made = acme.admin()
                .post("/api/keys", "{\"name\": \"ci\", \"role\": \"viewer\"}")
                .expect(201)
                .json();
        ApiClient ci = api.client(made.path("key").asText());
        ci.get("/api/agents/task-runner").expect(200);

        acme.admin().delete("/api/keys/" + made.path("id").asText()).expect(204);

        ci.get("/api/agents/task-runner").expectError(401, "unauthorized");
        assertThat(ci.get("/api/agents/task-runner").json().path("error").asText())
                .isEqualTo("Unauthorized");
    }

    @Test
    void a_key_without_the_role_is_denied() {
        JsonNode denied = acme.viewer()
                .post("/api/keys", "{\"name\": \"x\", \"role\": \"admin\"}")
                .expectError(403, "forbidden")
                .json();
        assertThat(denied.path("error").asText()).isEqualTo("Access denied");
        acme.admin().post("/api/orgs", "{\"name\": \"sneaky\"}").expectError(403, "forbidden");
    }

    @Test
    void every_response_carries_a_request_id() {
        ApiClient.Response response = api.anonymous().get("/health").expect(200);
        assertThat(response.header(ApiServer.REQUEST_ID)).isNotBlank();
        assertThat(response.json().path("database").asText()).isEqualTo("reachable");
    }

    @Test
    void an_unknown_route_is_a_json_404() {
        acme.viewer().get("/api/nothing-here").expectError(404, "not_found");
    }

    @Test
    void bodies_are_read_strictly_and_name_what_is_wrong() {
        ApiClient admin = acme.admin();
        int keys = admin.get("/api/keys").json().path("keys").size();
        admin.post("/api/keys", "{\"name\": \"x\", ").expectError(400, "malformed_json");
        JsonNode unknown = admin.post(
                        "/api/keys", "{\"name\": \"x\", \"role\": \"viewer\", \"org_id\": \"y\", \"z\": 1}")
                .expectError(400, "unknown_field")
                .json();
        assertThat(unknown.at("/details/fields")).extracting(JsonNode::asText).containsExactly("org_id", "z");
        JsonNode wrongType = admin.post("/api/keys", "{\"name\": [1], \"role\": \"viewer\"}")
                .expectError(400, "invalid_field")
                .json();
        assertThat(wrongType.at("/details/field").asText()).isEqualTo("name");
        admin.post("/api/keys", "{\"name\": \"x\", \"role\": \"owner\"}").expectError(400, "invalid_field");
        JsonNode number = admin.post("/api/keys", "{\"name\": 5, \"role\": \"viewer\"}")
                .expectError(400, "invalid_field")
                .json();
        assertThat(number.at("/details/field").asText()).isEqualTo("name");
        JsonNode flag = admin.post(
                        "/api/streams/" + UUID.randomUUID() + "/agents/" + UUID.randomUUID() + "/execute",
                        "{\"force_execute\": \"yes\"}")
                .expectError(400, "invalid_field")
                .json();
        assertThat(flag.at("/details/field").asText()).isEqualTo("force_execute");
        admin.delete("/api/keys/not-a-uuid").expectError(400, "invalid_field");
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"role\": \"viewer\"}";
        admin.post("/api/keys", huge).expectError(413, "body_too_large");
        assertThat(admin.get("/api/keys").json().path("keys")).hasSize(keys);
    }

    @Test
    void failed_authentications_are_rate_limited_per_address() {
        ApiTestServer own = new ApiTestServer(TestDatabase.fresh(), null, ApiConfig.defaults());
        try {
            ApiClient guesser = own.client("agk_guess");
            for (int i = 0; i < 20; i++) {
                guesser.get("/api/agents/task-runner").expectError(401, "unauthorized");
            }
            ApiClient.Response limited =
                    guesser.get("/api/agents/task-runner").expectError(429, "too_many_failed_authentications");
            assertThat(limited.header("Retry-After")).isNotBlank();
            own.operator.get("/api/orgs").expect(429);
        } finally {
            own.close();
        }
    }

    @Test
    void execute_queues_the_agent_as_the_seed_describes() {
        Fixtures fixtures = new Fixtures(api.database);
        UUID agent = fixtures.agent(acme.id(), "test_agent");
        UUID stream = TestStreams.aStream(api.database.dataSource(), acme.id(), "{}", "{}");
        JsonNode body = acme.editor()
                .post(
                        "/api/streams/" + stream + "/agents/" + agent + "/execute",
                        "{\"execution_config\": {}, \"force_execute\": false}")
                .expect(201)
                .json();
        assertThat(body.path("message").asText()).isEqualTo("Agent execution queued successfully");
        assertThat(body.at("/execution/status").asText()).isEqualTo("queued");
        assertThat(body.at("/execution/created_at").asText()).isNotBlank();
        assertThat(fixtures.text("SELECT status FROM agent_executions WHERE id = '"
                        + body.at("/execution/id").asText() + "'"))
                .isEqualTo("queued");

        fixtures.deactivate(agent);
        JsonNode inactive = acme.editor()
                .post("/api/streams/" + stream + "/agents/" + agent + "/execute", "{}")
                .expect(400)
                .json();
        assertThat(inactive.path("error").asText()).isEqualTo("Agent is not active");
        acme.editor()
                .post("/api/streams/" + stream + "/agents/" + UUID.randomUUID() + "/execute", "{}")
                .expect(404);
        acme.viewer()
                .post("/api/streams/" + stream + "/agents/" + agent + "/execute", "{}")
                .expect(403);
    }

    @Test
    void metrics_count_the_queue_the_runner_and_the_requests() {
        UUID agent = new Fixtures(api.database).agent(acme.id(), "test_agent");
        UUID stream = TestStreams.aStream(api.database.dataSource(), acme.id(), "{}", "{}");
        acme.editor()
                .post("/api/streams/" + stream + "/agents/" + agent + "/execute", "{}")
                .expect(201);
        assertThat(api.runner.runOnce()).isPositive();

        String metrics = api.anonymous().get("/metrics").expect(200).body();

        assertThat(metrics)
                .containsPattern("agentry_queue_tasks\\{status=\"completed\"} [1-9]")
                .containsPattern("agentry_tasks_claimed_total\\{node=\"api-test\"} [1-9]")
                .containsPattern("agentry_task_outcomes_total\\{node=\"api-test\",outcome=\"completed\"} [1-9]")
                .contains("agentry_task_attempt_seconds_count{node=\"api-test\"}")
                .contains(
                        "http_server_requests_seconds_count{method=\"POST\",route=\"/api/streams/{id}/agents/{agentId}/execute\",status=\"201\"}");
    }
}
