package io.agentry.web;

import static io.agentry.web.StreamRoutesTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.testing.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssignmentRoutesTest {
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
    void an_editor_builds_a_workflow_and_reads_it_back_with_the_names_it_wrote() {
        UUID stream = stream();
        UUID scout = fixtures.agent(acme.id(), "test_agent");
        UUID scorer = fixtures.agent(acme.id(), "test_agent");

        JsonNode first = acme.editor()
                .post("/api/streams/" + stream + "/agents", "{\"agent_id\": \"" + scout + "\"}")
                .expect(201)
                .json()
                .path("assignment");
        assertThat(first.path("assignment_role").asText()).isEqualTo("primary");
        assertThat(first.path("is_active").asBoolean()).isTrue();
        assertThat(first.path("auto_execute").asBoolean()).isFalse();
        assertThat(first.path("depends_on_agent_ids")).isEmpty();
        assertThat(first.path("execution_config").toString()).isEqualTo("{}");
        assertThat(first.path("total_executions").asInt()).isZero();

        JsonNode second = acme.editor()
                .post("/api/streams/" + stream + "/agents", """
                        {"agent_id": "%s", "assignment_role": "scoring", "execution_order": 2, "is_active": true,
                         "auto_execute": true, "execution_frequency": "daily", "execution_config": {"threshold": 0.8},
                         "depends_on_agent_ids": ["%s"]}""".formatted(scorer, scout))
                .expect(201)
                .json()
                .path("assignment");
        assertThat(second.path("assignment_role").asText()).isEqualTo("scoring");
        assertThat(second.path("execution_order").asInt()).isEqualTo(2);
        assertThat(second.path("execution_frequency").asText()).isEqualTo("daily");
        assertThat(second.at("/execution_config/threshold").asDouble()).isEqualTo(0.8);
        assertThat(second.path("depends_on_agent_ids"))
                .extracting(JsonNode::asText)
                .containsExactly(scout.toString());

        JsonNode changed = acme.editor()
                .patch("/api/streams/" + stream + "/agents/" + scorer, "{\"execution_order\": 5, \"is_active\": false}")
                .expect(200)
                .json()
                .path("assignment");
        assertThat(changed.path("execution_order").asInt()).isEqualTo(5);
        assertThat(changed.path("is_active").asBoolean()).isFalse();
        for (String kept : new String[] {
            "assignment_role", "auto_execute", "execution_frequency", "execution_config", "depends_on_agent_ids", "id"
        }) {
            assertThat(changed.path(kept)).as(kept).isEqualTo(second.path(kept));
        }

        JsonNode listed = acme.viewer()
                .get("/api/streams/" + stream + "/agents")
                .expect(200)
                .json();
        assertThat(listed.path("items"))
                .extracting(a -> a.path("agent_id").asText())
                .containsExactly(scorer.toString(), scout.toString());
        assertThat(listed.path("items").get(0)).isEqualTo(changed);
        assertThat(listed.path("next_cursor").isNull()).isTrue();

        acme.editor().delete("/api/streams/" + stream + "/agents/" + scorer).expect(204);
        assertThat(acme.viewer()
                        .get("/api/streams/" + stream + "/agents")
                        .json()
                        .path("items"))
                .hasSize(1);
        acme.editor().delete("/api/streams/" + stream + "/agents/" + scorer).expectError(404, "not_found");
    }

    @Test
    void a_bad_assignment_is_refused_naming_the_field_and_nothing_changes() {
        UUID stream = stream();
        UUID a = fixtures.agent(acme.id(), "test_agent");
        UUID b = fixtures.agent(acme.id(), "test_agent");
        UUID unassigned = fixtures.agent(acme.id(), "test_agent");
        UUID foreign = fixtures.agent(api.newOrg("globex").id(), "test_agent");
        String path = "/api/streams/" + stream + "/agents";
        acme.editor().post(path, "{\"agent_id\": \"" + a + "\"}").expect(201);
        acme.editor()
                .post(path, "{\"agent_id\": \"" + b + "\", \"depends_on_agent_ids\": [\"" + a + "\"]}")
                .expect(201);
        String workflow = workflow(stream);

        assertField(acme.editor().post(path, "{}"), "agent_id");
        assertField(acme.editor().post(path, "{\"agent_id\": \"" + UUID.randomUUID() + "\"}"), "agent_id");
        assertField(acme.editor().post(path, "{\"agent_id\": \"" + foreign + "\"}"), "agent_id");
        assertField(acme.editor().post(path, "{\"agent_id\": \"agent-7\"}"), "agent_id");
        assertField(
                acme.editor()
                        .post(
                                path,
                                "{\"agent_id\": \"" + unassigned + "\", \"depends_on_agent_ids\": [\"" + foreign
                                        + "\"]}"),
                "depends_on_agent_ids[0]");
        assertField(
                acme.editor().post(path, "{\"agent_id\": \"" + unassigned + "\", \"depends_on_agent_ids\": [null]}"),
                "depends_on_agent_ids[0]");
        assertField(
                acme.editor().post(path, "{\"agent_id\": \"" + unassigned + "\", \"assignment_role\": \"boss\"}"),
                "assignment_role");
        assertField(
                acme.editor().post(path, "{\"agent_id\": \"" + unassigned + "\", \"execution_config\": [1]}"),
                "execution_config");
        assertField(
                acme.editor().post(path, "{\"agent_id\": \"" + unassigned + "\", \"is_active\": \"maybe\"}"),
                "is_active");
        acme.editor()
                .post(path, "{\"agent_id\": \"" + unassigned + "\", \"total_executions\": 99}")
                .expectError(400, "unknown_field");
        JsonNode twice = acme.editor()
                .post(path, "{\"agent_id\": \"" + a + "\"}")
                .expectError(409, "conflict")
                .json();
        assertThat(twice.at("/details/field").asText()).isEqualTo("agent_id");

        assertField(
                acme.editor().patch(path + "/" + a, "{\"depends_on_agent_ids\": [\"" + b + "\"]}"),
                "depends_on_agent_ids");
        assertThat(acme.editor()
                        .patch(path + "/" + a, "{\"depends_on_agent_ids\": [\"" + b + "\"]}")
                        .json()
                        .path("error")
                        .asText())
                .contains("cycle");
        acme.editor().patch(path + "/" + a, "{\"agent_id\": \"" + b + "\"}").expectError(400, "unknown_field");
        acme.editor().patch(path + "/" + unassigned, "{\"execution_order\": 1}").expectError(404, "not_found");
        assertField(acme.editor().patch(path + "/not-an-agent", "{}"), "agentId");
        JsonNode depended = acme.editor()
                .delete(path + "/" + a)
                .expectError(409, "conflict")
                .json();
        assertThat(depended.path("error").asText()).contains(b.toString());

        assertThat(workflow(stream)).isEqualTo(workflow);
    }

    @Test
    void null_keeps_a_field_and_an_empty_list_clears_the_dependencies() {
        UUID stream = stream();
        UUID a = fixtures.agent(acme.id(), "test_agent");
        UUID b = fixtures.agent(acme.id(), "test_agent");
        String path = "/api/streams/" + stream + "/agents";
        acme.editor().post(path, "{\"agent_id\": \"" + a + "\"}").expect(201);
        acme.editor()
                .post(
                        path,
                        "{\"agent_id\": \"" + b + "\", \"depends_on_agent_ids\": [\"" + a
                                + "\"], \"execution_config\": {\"x\": 1}}")
                .expect(201);

        JsonNode kept = acme.editor()
                .patch(
                        path + "/" + b,
                        "{\"depends_on_agent_ids\": null, \"execution_config\": null, \"assignment_role\": null}")
                .expect(200)
                .json()
                .path("assignment");
        assertThat(kept.path("depends_on_agent_ids")).hasSize(1);
        assertThat(kept.at("/execution_config/x").asInt()).isEqualTo(1);
        assertThat(kept.path("assignment_role").asText()).isEqualTo("primary");

        JsonNode cleared = acme.editor()
                .patch(path + "/" + b, "{\"depends_on_agent_ids\": []}")
                .expect(200)
                .json()
                .path("assignment");
        assertThat(cleared.path("depends_on_agent_ids")).isEmpty();
        acme.editor().delete(path + "/" + a).expect(204);
    }

    private static UUID stream() {
        return UUID.fromString(acme.editor()
                .post("/api/streams", "{\"name\": \"Workflow\"}")
                .expect(201)
                .json()
                .at("/stream/id")
                .asText());
    }

    private static String workflow(UUID stream) {
        return fixtures.text("SELECT string_agg(a::text, '|' ORDER BY a.agent_id) FROM stream_agent_assignments a"
                + " WHERE stream_id = '" + stream + "'");
    }
}
