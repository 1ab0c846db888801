package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Sql;
import io.agentry.testing.Fixtures;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookRoutesTest {
    static ApiTestServer api;
    static Fixtures fixtures;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        fixtures = new Fixtures(api.database);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void an_admin_registers_a_webhook_and_sees_its_secret_once() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());

        JsonNode created = acme.admin().post("/api/webhooks", """
                        {"url": "https://hooks.example.com/agentry", "events": ["agent.failed"],
                         "description": "on-call"}""").expect(201).json();

        JsonNode webhook = created.path("webhook");
        assertThat(webhook.path("url").asText()).isEqualTo("https://hooks.example.com/agentry");
        assertThat(webhook.path("events")).extracting(JsonNode::asText).containsExactly("agent.failed");
        assertThat(webhook.path("description").asText()).isEqualTo("on-call");
        assertThat(webhook.path("created_at").asText()).isNotBlank();
        assertThat(webhook.has("secret")).isFalse();
        String secret = created.path("secret").asText();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

        String id = webhook.path("id").asText();
        String shown = acme.admin().get("/api/webhooks/" + id).expect(200).body();
        String listed = acme.admin().get("/api/webhooks").expect(200).body();
        assertThat(shown).contains(id).doesNotContain(secret).doesNotContain("secret");
        assertThat(listed).contains(id).doesNotContain(secret).doesNotContain("secret");
    }

    @Test
    void a_webhook_without_events_takes_every_critical_event_and_its_org_gets_one_notifier() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());

        JsonNode webhook = acme.admin()
                .post("/api/webhooks", "{\"url\": \"http://10.1.2.3:8080/in\"}")
                .expect(201)
                .json()
                .path("webhook");
        acme.admin()
                .post("/api/webhooks", "{\"url\": \"http://10.1.2.3:8080/other\"}")
                .expect(201);

        assertThat(webhook.path("events"))
                .extracting(JsonNode::asText)
                .containsExactly("agent.failed", "workflow_run.failed", "insight.critical");
        assertThat(webhook.path("description").isNull()).isTrue();
        assertThat(fixtures.count("SELECT count(*) FROM ai_agents WHERE agent_type = 'webhook_notifier' AND org_id = '"
                        + acme.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void viewers_and_editors_cannot_manage_webhooks() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());
        String id = webhook(acme);

        for (ApiClient client : List.of(acme.viewer(), acme.editor())) {
            client.post("/api/webhooks", "{\"url\": \"https://example.com\"}").expectError(403, "forbidden");
            client.get("/api/webhooks").expectError(403, "forbidden");
            client.get("/api/webhooks/" + id).expectError(403, "forbidden");
            client.get("/api/webhooks/" + id + "/deliveries").expectError(403, "forbidden");
            client.delete("/api/webhooks/" + id).expectError(403, "forbidden");
        }
        api.anonymous().get("/api/webhooks").expectError(401, "unauthorized");

        assertThat(webhooksOf(acme)).isEqualTo(1);
    }

    @Test
    void another_orgs_webhook_is_not_found() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());
        ApiTestServer.Org globex = api.newOrg("globex-" + UUID.randomUUID());
        String id = webhook(acme);

        globex.admin().get("/api/webhooks/" + id).expectError(404, "not_found");
        globex.admin().get("/api/webhooks/" + id + "/deliveries").expectError(404, "not_found");
        globex.admin().delete("/api/webhooks/" + id).expectError(404, "not_found");
        assertThat(globex.admin().get("/api/webhooks").json().path("items")).isEmpty();

        acme.admin().get("/api/webhooks/" + id).expect(200);
    }

    @Test
    void bad_requests_name_the_field_and_write_nothing() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());
        ApiClient admin = acme.admin();

        assertField(admin.post("/api/webhooks", "{\"url\": \"ftp://example.com/in\"}"), "url");
        assertField(admin.post("/api/webhooks", "{\"url\": \"not a url\"}"), "url");
        assertField(admin.post("/api/webhooks", "{\"events\": [\"agent.failed\"]}"), "url");
        assertField(admin.post("/api/webhooks", "{\"url\": \"https://example.com\", \"events\": []}"), "events");
        assertField(
                admin.post("/api/webhooks", "{\"url\": \"https://example.com\", \"events\": [\"run.done\"]}"),
                "events");
        assertField(
                admin.post("/api/webhooks", "{\"url\": \"https://example.com\", \"events\": \"agent.failed\"}"),
                "events");
        assertField(admin.post("/api/webhooks", "{\"url\": 42}"), "url");
        JsonNode unknown = admin.post("/api/webhooks", "{\"url\": \"https://example.com\", \"secret\": \"mine\"}")
                .expectError(400, "unknown_field")
                .json();
        assertThat(unknown.at("/details/fields")).extracting(JsonNode::asText).containsExactly("secret");
        admin.post("/api/webhooks", "{\"url\": ").expectError(400, "malformed_json");
        admin.get("/api/webhooks/not-a-uuid").expectError(400, "invalid_field");
        admin.get("/api/webhooks?cursor=garbage").expectError(400, "invalid_field");

        assertThat(webhooksOf(acme)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM ai_agents WHERE org_id = '" + acme.id() + "'"))
                .isZero();
    }

    @Test
    void a_deleted_webhook_is_gone_with_its_deliveries() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());
        String id = webhook(acme);
        raise(acme.id(), "agent.failed test-task 1");
        assertThat(acme.admin()
                        .get("/api/webhooks/" + id + "/deliveries")
                        .json()
                        .path("items"))
                .hasSize(1);

        acme.admin().delete("/api/webhooks/" + id).expect(204);

        acme.admin().get("/api/webhooks/" + id).expectError(404, "not_found");
        acme.admin().delete("/api/webhooks/" + id).expectError(404, "not_found");
        assertThat(fixtures.count("SELECT count(*) FROM webhook_deliveries WHERE org_id = '" + acme.id() + "'"))
                .isZero();
    }

    @Test
    void webhooks_are_listed_newest_first_in_pages() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(webhook(acme));
        }

        JsonNode first = acme.admin().get("/api/webhooks?limit=2").expect(200).json();
        JsonNode second = acme.admin()
                .get("/api/webhooks?limit=2&cursor=" + first.path("next_cursor").asText())
                .expect(200)
                .json();

        List<String> ids = new ArrayList<>();
        first.path("items").forEach(item -> ids.add(item.path("id").asText()));
        second.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).containsExactly(made.get(2), made.get(1), made.get(0));
        assertThat(second.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void deliveries_are_listed_newest_first_in_pages() {
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());
        String id = webhook(acme);
        for (int i = 1; i <= 3; i++) {
            raise(acme.id(), "agent.failed test-task " + i);
        }

        JsonNode first = acme.admin()
                .get("/api/webhooks/" + id + "/deliveries?limit=2")
                .expect(200)
                .json();
        JsonNode second = acme.admin()
                .get("/api/webhooks/" + id + "/deliveries?limit=2&cursor="
                        + first.path("next_cursor").asText())
                .expect(200)
                .json();

        List<String> raised = new ArrayList<>();
        first.path("items")
                .forEach(item -> raised.add(item.at("/payload/data/n").asText()));
        second.path("items")
                .forEach(item -> raised.add(item.at("/payload/data/n").asText()));
        assertThat(raised)
                .containsExactly("agent.failed test-task 3", "agent.failed test-task 2", "agent.failed test-task 1");
        JsonNode delivery = first.path("items").get(0);
        assertThat(delivery.path("event").asText()).isEqualTo("agent.failed");
        assertThat(delivery.path("status").asText()).isEqualTo("pending");
        assertThat(delivery.path("attempts")).isEmpty();
        assertThat(delivery.path("next_attempt_at").asText()).isNotBlank();
        assertThat(delivery.path("task_id").asText()).isNotBlank();
        assertThat(delivery.path("event_id").asText())
                .isEqualTo(delivery.at("/payload/id").asText());
    }

    private static String webhook(ApiTestServer.Org org) {
        return org.admin()
                .post("/api/webhooks", "{\"url\": \"https://hooks.example.com/agentry\"}")
                .expect(201)
                .json()
                .at("/webhook/id")
                .asText();
    }

    private static long webhooksOf(ApiTestServer.Org org) {
        return fixtures.count("SELECT count(*) FROM webhooks WHERE org_id = '" + org.id() + "'");
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.expectError(400, "invalid_field")
                        .json()
                        .at("/details/field")
                        .asText())
                .as(response.body())
                .isEqualTo(field);
    }

    /** An event of the org, raised as the engine raises them, its key kept in its data. */
    private static void raise(UUID org, String key) {
        Sql.run(api.database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT agentry_webhook_event(?, ?, 'agent.failed', jsonb_build_object('n', ?::text))")) {
                statement.setObject(1, org);
                statement.setString(2, key);
                statement.setString(3, key);
                return statement.execute();
            }
        });
    }
}
