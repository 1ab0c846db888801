package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.notify.WebhookNotifier;
import io.agentry.org.AgentTypes;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestStreams;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentRoutesTest {
    static ApiTestServer api;
    static Fixtures fixtures;
    static ApiTestServer.Org acme;
    static ApiTestServer.Org globex;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        fixtures = new Fixtures(api.database);
        acme = api.newOrg("acme");
        globex = api.newOrg("globex");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void an_admin_creates_an_agent_that_viewers_read() {
        JsonNode created =
                acme.admin().post("/api/agents", """
                        {"agent_type": "scout_agent", "name": "Daily Signal Scout", "description": "watches filings",
                         "configuration": {"signals": ["job_posting"], "threshold": 0.7}}""").expect(201).json().path("agent");
        assertThat(created.path("agent_type").asText()).isEqualTo("scout_agent");
        assertThat(created.path("name").asText()).isEqualTo("Daily Signal Scout");
        assertThat(created.path("description").asText()).isEqualTo("watches filings");
        assertThat(created.at("/configuration/threshold").asDouble()).isEqualTo(0.7);
        assertThat(created.path("is_active").asBoolean()).isTrue();
        assertThat(created.path("schedule_cron").isNull()).isTrue();
        assertThat(created.path("schedule_timezone").asText()).isEqualTo("UTC");
        assertThat(created.path("next_run_at").isNull()).isTrue();
        assertThat(created.path("org_id").asText()).isEqualTo(acme.id().toString());

        String id = created.path("id").asText();
        JsonNode read =
                acme.viewer().get("/api/agents/" + id).expect(200).json().path("agent");
        assertThat(read).isEqualTo(created);
        assertThat(fixtures.text("SELECT name FROM ai_agents WHERE id = '" + id + "'"))
                .isEqualTo("Daily Signal Scout");
    }

    @Test
    void a_schedule_is_written_with_its_next_fire_in_its_zone() {
        JsonNode agent =
                acme.admin().post("/api/agents", """
                        {"agent_type": "scout_agent", "name": "Morning scout", "schedule_cron": "0 9 * * *",
                         "schedule_timezone": "Europe/London"}""").expect(201).json().path("agent");
        assertThat(agent.path("schedule_cron").asText()).isEqualTo("0 9 * * *");
        Instant next = Instant.parse(agent.path("next_run_at").asText());
        ZonedDateTime local = next.atZone(ZoneId.of("Europe/London"));
        assertThat(local.getHour()).isEqualTo(9);
        assertThat(local.getMinute()).isZero();
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(25 * 3600));
    }

    @Test
    void an_agent_type_users_may_not_create_is_refused_naming_agent_type() {
        long before = agentsOf(acme);
        for (String type : List.of("test_agent", "webhook_notifier", "Scout_Agent", "")) {
            JsonNode refused = acme.admin()
                    .post("/api/agents", "{\"agent_type\": \"" + type + "\", \"name\": \"x\"}")
                    .expectError(400, "invalid_field")
                    .json();
            assertThat(refused.at("/details/field").asText()).isEqualTo("agent_type");
            assertThat(refused.path("error").asText()).contains("opportunity_bot", "research_gpt");
        }
        field(acme.admin().post("/api/agents", "{\"name\": \"x\"}"), "agent_type");
        assertThat(agentsOf(acme)).isEqualTo(before);
    }

    @Test
    void bad_fields_of_a_new_agent_are_refused_by_name_and_nothing_is_written() {
        long before = agentsOf(acme);
        long theirs = agentsOf(globex);
        ApiClient admin = acme.admin();
        field(admin.post("/api/agents", "{\"agent_type\": \"scout_agent\"}"), "name");
        field(admin.post("/api/agents", "{\"agent_type\": \"scout_agent\", \"name\": \"  \"}"), "name");
        field(
                admin.post("/api/agents", "{\"agent_type\": \"scout_agent\", \"name\": \"x\", \"configuration\": [1]}"),
                "configuration");
        field(
                admin.post("/api/agents", "{\"agent_type\": \"scout_agent\", \"name\": \"x\", \"is_active\": [true]}"),
                "is_active");
        field(
                admin.post(
                        "/api/agents",
                        "{\"agent_type\": \"scout_agent\", \"name\": \"x\", \"schedule_cron\": \"61 * * * *\"}"),
                "schedule_cron");
        field(
                admin.post(
                        "/api/agents",
                        "{\"agent_type\": \"scout_agent\", \"name\": \"x\", \"schedule_cron\": \"0 9 * * *\","
                                + " \"schedule_timezone\": \"Mars/Olympus\"}"),
                "schedule_timezone");
        JsonNode unknown = admin.post(
                        "/api/agents",
                        "{\"agent_type\": \"scout_agent\", \"name\": \"x\", \"org_id\": \"" + globex.id()
                                + "\", \"next_run_at\": null}")
                .expectError(400, "unknown_field")
                .json();
        assertThat(unknown.at("/details/fields")).extracting(JsonNode::asText).containsExactly("org_id", "next_run_at");
        assertThat(agentsOf(acme)).isEqualTo(before);
        assertThat(agentsOf(globex)).isEqualTo(theirs);
    }

    @Test
    void a_patch_writes_only_the_fields_it_gives() {
        String id = created(
                acme,
                "{\"agent_type\": \"enrichment_agent\", \"name\": \"Enricher\","
                        + " \"description\": \"fills gaps\", \"configuration\": {\"batch\": 10}}");
        JsonNode before = acme.viewer().get("/api/agents/" + id).json().path("agent");

        JsonNode after = acme.admin()
                .patch("/api/agents/" + id, "{\"name\": \"Enricher (UK)\", \"is_active\": false}")
                .expect(200)
                .json()
                .path("agent");

        assertThat(after.path("name").asText()).isEqualTo("Enricher (UK)");
        assertThat(after.path("is_active").asBoolean()).isFalse();
        for (String kept : List.of(
                "agent_type", "description", "configuration", "schedule_cron", "schedule_timezone", "created_at")) {
            assertThat(after.path(kept)).as(kept).isEqualTo(before.path(kept));
        }
        assertThat(Instant.parse(after.path("updated_at").asText()))
                .isAfter(Instant.parse(before.path("updated_at").asText()));

        JsonNode replaced = acme.admin()
                .patch("/api/agents/" + id, "{\"configuration\": {\"sources\": [\"website\"]}, \"description\": \"\"}")
                .expect(200)
                .json()
                .path("agent");
        assertThat(replaced.path("configuration").toString()).isEqualTo("{\"sources\":[\"website\"]}");
        assertThat(replaced.path("description").isNull()).isTrue();
    }

    @Test
    void a_patch_with_a_bad_cron_or_bad_fields_changes_nothing() {
        String id = created(
                acme, "{\"agent_type\": \"scout_agent\", \"name\": \"Scout\", \"schedule_cron\": \"0 9 * * 1-5\"}");
        String row = row(id);
        ApiClient admin = acme.admin();
        field(
                admin.patch("/api/agents/" + id, "{\"name\": \"Renamed\", \"schedule_cron\": \"0 25 * * *\"}"),
                "schedule_cron");
        field(admin.patch("/api/agents/" + id, "{\"schedule_cron\": \"@daily\"}"), "schedule_cron");
        field(
                admin.patch("/api/agents/" + id, "{\"name\": \"Renamed\", \"schedule_timezone\": \"+01:00\"}"),
                "schedule_timezone");
        field(
                admin.patch("/api/agents/" + id, "{\"name\": \"Renamed\", \"agent_type\": \"test_agent\"}"),
                "agent_type");
        field(admin.patch("/api/agents/" + id, "{\"name\": \"\"}"), "name");
        field(admin.patch("/api/agents/" + id, "{\"configuration\": \"x\"}"), "configuration");
        admin.patch("/api/agents/" + id, "{\"name\": \"Renamed\", \"last_run_at\": \"2020-01-01T00:00:00Z\"}")
                .expectError(400, "unknown_field");
        admin.patch("/api/agents/" + id, "{\"name\": \"Renamed\"").expectError(400, "malformed_json");
        assertThat(row(id)).isEqualTo(row);
    }

    @Test
    void a_schedule_is_changed_cleared_and_moved_to_another_zone() {
        String id = created(acme, "{\"agent_type\": \"scout_agent\", \"name\": \"Scout\"}");
        ApiClient admin = acme.admin();

        JsonNode scheduled = admin.patch("/api/agents/" + id, "{\"schedule_cron\": \"30 6 * * *\"}")
                .expect(200)
                .json()
                .path("agent");
        assertThat(scheduled.path("schedule_timezone").asText()).isEqualTo("UTC");
        assertThat(Instant.parse(scheduled.path("next_run_at").asText())
                        .atZone(ZoneId.of("UTC"))
                        .getHour())
                .isEqualTo(6);

        JsonNode moved = admin.patch("/api/agents/" + id, "{\"schedule_timezone\": \"America/New_York\"}")
                .expect(200)
                .json()
                .path("agent");
        assertThat(moved.path("schedule_cron").asText()).isEqualTo("30 6 * * *");
        ZonedDateTime local = Instant.parse(moved.path("next_run_at").asText()).atZone(ZoneId.of("America/New_York"));
        assertThat(local.getHour()).isEqualTo(6);
        assertThat(local.getMinute()).isEqualTo(30);

        // A change elsewhere leaves the next fire where the scheduler expects it.
        JsonNode renamed = admin.patch("/api/agents/" + id, "{\"name\": \"Scout 2\"}")
                .expect(200)
                .json()
                .path("agent");
        assertThat(renamed.path("next_run_at")).isEqualTo(moved.path("next_run_at"));

        JsonNode cleared = admin.patch("/api/agents/" + id, "{\"schedule_cron\": \"\"}")
                .expect(200)
                .json()
                .path("agent");
        assertThat(cleared.path("schedule_cron").isNull()).isTrue();
        assertThat(cleared.path("next_run_at").isNull()).isTrue();
        assertThat(cleared.path("schedule_timezone").asText()).isEqualTo("America/New_York");
    }

    @Test
    void an_agent_in_use_is_not_deleted_and_the_answer_says_why() {
        String id = created(acme, "{\"agent_type\": \"scoring_agent\", \"name\": \"Scorer\"}");
        UUID agent = UUID.fromString(id);
        UUID stream = TestStreams.aStream(api.database.dataSource(), acme.id(), "{}", "{}");
        fixtures.execute("INSERT INTO stream_agent_assignments (stream_id, agent_id, org_id) VALUES ('" + stream
                + "', '" + id + "', '" + acme.id() + "')");

        JsonNode assigned = acme.admin()
                .delete("/api/agents/" + id)
                .expectError(409, "conflict")
                .json();
        assertThat(assigned.at("/details/assigned_stream_ids/0").asText()).isEqualTo(stream.toString());
        assertThat(assigned.path("error").asText()).contains("assigned to 1 stream");

        fixtures.execute("DELETE FROM stream_agent_assignments WHERE agent_id = '" + id + "'");
        new TaskQueue(api.database.dataSource()).enqueue(NewTask.of(agent, acme.id()));
        JsonNode busy = acme.admin()
                .delete("/api/agents/" + id)
                .expectError(409, "conflict")
                .json();
        assertThat(busy.at("/details/live_tasks").asLong()).isEqualTo(1);
        assertThat(busy.path("error").asText()).contains("1 task not yet ended");
        assertThat(fixtures.count("SELECT count(*) FROM ai_agents WHERE id = '" + id + "'"))
                .isEqualTo(1);

        fixtures.execute(
                "UPDATE agent_tasks SET status = 'completed', completed_at = now() WHERE agent_id = '" + id + "'");
        acme.admin().delete("/api/agents/" + id).expect(204);
        acme.viewer().get("/api/agents/" + id).expectError(404, "not_found");
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions WHERE agent_id = '" + id + "'"))
                .as("history stays")
                .isEqualTo(1);
    }

    @Test
    void agentrys_own_agents_are_read_only() {
        assertThat(AgentTypes.SYSTEM).contains(WebhookNotifier.TYPE);
        UUID notifier = fixtures.agent(acme.id(), WebhookNotifier.TYPE);
        String row = row(notifier.toString());

        acme.viewer().get("/api/agents/" + notifier).expect(200);
        for (String body : List.of("{\"is_active\": false}", "{\"agent_type\": \"scout_agent\"}", "{}")) {
            JsonNode refused = acme.admin()
                    .patch("/api/agents/" + notifier, body)
                    .expectError(409, "conflict")
                    .json();
            assertThat(refused.at("/details/agent_type").asText()).isEqualTo(WebhookNotifier.TYPE);
        }
        acme.admin().delete("/api/agents/" + notifier).expectError(409, "conflict");
        assertThat(row(notifier.toString())).isEqualTo(row);
    }

    @Test
    void only_admins_change_agents() {
        String id = created(acme, "{\"agent_type\": \"scout_agent\", \"name\": \"Scout\"}");
        String row = row(id);
        long before = agentsOf(acme);
        for (ApiClient client : List.of(acme.viewer(), acme.editor())) {
            client.post("/api/agents", "{\"agent_type\": \"scout_agent\", \"name\": \"x\"}")
                    .expectError(403, "forbidden");
            client.patch("/api/agents/" + id, "{\"name\": \"x\"}").expectError(403, "forbidden");
            client.delete("/api/agents/" + id).expectError(403, "forbidden");
        }
        api.anonymous().get("/api/agents").expectError(401, "unauthorized");
        assertThat(row(id)).isEqualTo(row);
        assertThat(agentsOf(acme)).isEqualTo(before);
    }

    @Test
    void another_orgs_agent_is_not_found_on_every_route() {
        String id = created(globex, "{\"agent_type\": \"scout_agent\", \"name\": \"Theirs\"}");
        String row = row(id);
        acme.viewer().get("/api/agents/" + id).expectError(404, "not_found");
        acme.viewer().get("/api/agents/" + id + "/health").expectError(404, "not_found");
        acme.admin().patch("/api/agents/" + id, "{\"name\": \"Mine now\"}").expectError(404, "not_found");
        acme.admin().delete("/api/agents/" + id).expectError(404, "not_found");
        assertThat(acme.viewer().get("/api/agents?limit=200").json().path("items"))
                .extracting(agent -> agent.path("id").asText())
                .doesNotContain(id);
        assertThat(row(id)).isEqualTo(row);
    }

    @Test
    void a_bad_id_is_refused_naming_it() {
        field(acme.viewer().get("/api/agents/not-a-uuid"), "id");
        field(acme.admin().patch("/api/agents/123", "{\"name\": \"x\"}"), "id");
        field(acme.admin().delete("/api/agents/123"), "id");
        field(acme.viewer().get("/api/agents/123/health"), "id");
    }

    @Test
    void paging_walks_every_agent_once_newest_first_and_filters_apply() {
        ApiTestServer.Org initech = api.newOrg("initech");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(created(
                    initech,
                    "{\"agent_type\": \"" + (i % 2 == 0 ? "scout_agent" : "scoring_agent") + "\", \"name\": \"a" + i
                            + "\", \"is_active\": " + (i < 5) + "}"));
        }
        // Two agents created in the same instant: the id orders them.
        fixtures.execute("UPDATE ai_agents SET created_at = (SELECT created_at FROM ai_agents WHERE id = '"
                + made.get(3) + "') WHERE id = '" + made.get(4) + "'");

        List<String> seen = walk(initech.viewer(), "/api/agents?limit=3");
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(made.get(6));

        assertThat(walk(initech.viewer(), "/api/agents?limit=2&agent_type=scout_agent"))
                .containsExactlyInAnyOrder(made.get(0), made.get(2), made.get(4), made.get(6));
        assertThat(walk(initech.viewer(), "/api/agents?is_active=false"))
                .containsExactlyInAnyOrder(made.get(5), made.get(6));
        field(initech.viewer().get("/api/agents?is_active=yes"), "is_active");
        field(initech.viewer().get("/api/agents?limit=500"), "limit");
        field(initech.viewer().get("/api/agents?cursor=bm9wZQ"), "cursor");
    }

    /** Every id a list returns, following next_cursor to the end. */
    static List<String> walk(ApiClient client, String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = client.get(
                            path + (cursor == null ? "" : (path.contains("?") ? "&" : "?") + "cursor=" + cursor))
                    .expect(200)
                    .json();
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asText();
        } while (cursor != null);
        return ids;
    }

    /** Asserts a 400 naming {@code field}. */
    static void field(ApiClient.Response response, String field) {
        JsonNode error = response.expectError(400, "invalid_field").json();
        assertThat(error.at("/details/field").asText()).as(response.body()).isEqualTo(field);
    }

    private static String created(ApiTestServer.Org org, String body) {
        return org.admin()
                .post("/api/agents", body)
                .expect(201)
                .json()
                .at("/agent/id")
                .asText();
    }

    private static long agentsOf(ApiTestServer.Org org) {
        return fixtures.count("SELECT count(*) FROM ai_agents WHERE org_id = '" + org.id() + "'");
    }

    private static String row(String id) {
        return fixtures.text("SELECT row_to_json(a)::text FROM ai_agents a WHERE id = '" + id + "'");
    }
}
