package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Sql;
import io.agentry.stream.Stream;
import io.agentry.stream.Streams;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestCompany;
import io.agentry.workflow.StreamReports;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamRoutesTest {
    static final String GOAL = """
            {"name": "UK SaaS prospects", "description": "For the spring campaign", "stream_type": "research",
             "goal_criteria": {"industry": ["SaaS"], "location": ["UK"], "employee_count": {"min": 10, "max": 500}},
             "target_metrics": {"companies_to_find": 20, "min_quality_score": 3.5},
             "goal_deadline": "2027-03-31"}""";

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
    void an_editor_creates_a_stream_that_the_list_shows_with_its_progress() {
        JsonNode created =
                acme.editor().post("/api/streams", GOAL).expect(201).json().path("stream");
        assertThat(created.path("name").asText()).isEqualTo("UK SaaS prospects");
        assertThat(created.path("description").asText()).isEqualTo("For the spring campaign");
        assertThat(created.path("stream_type").asText()).isEqualTo("research");
        assertThat(created.path("status").asText()).isEqualTo("active");
        assertThat(created.at("/goal_criteria/industry/0").asText()).isEqualTo("SaaS");
        assertThat(created.at("/target_metrics/companies_to_find").asInt()).isEqualTo(20);
        assertThat(Instant.parse(created.path("goal_deadline").asText()))
                .isEqualTo(Instant.parse("2027-03-31T00:00:00Z"));
        assertThat(created.path("org_id").asText()).isEqualTo(acme.id().toString());

        JsonNode listed = find(
                acme.viewer()
                        .get("/api/streams?name=UK%20SaaS%20prospects")
                        .expect(200)
                        .json(),
                id(created));
        assertThat(listed.path("stream_type").asText()).isEqualTo("research");
        assertThat(listed.at("/progress/completed").asInt()).isZero();
        assertThat(listed.at("/progress/total").asInt()).isEqualTo(20);
        assertThat(listed.at("/progress/goal_status").asText()).isEqualTo("not_started");
    }

    @Test
    void the_overview_is_the_document_the_command_line_prints() {
        UUID stream = id(acme.editor()
                .post("/api/streams", "{\"name\": \"Overview\", \"goal_criteria\": {\"industry\": [\"SaaS\"]}}")
                .expect(201)
                .json()
                .path("stream"));
        long company = TestCompany.aCompany("Overview Ltd").insert(api.database.dataSource());
        item(stream, company, 1, "{\"quality_score\": 4.2, \"reasons\": [\"SaaS in London\"]}", 0);

        JsonNode overview = acme.viewer()
                .get("/api/streams/" + stream + "?top=5")
                .expect(200)
                .json();

        Stream row = new Streams(api.database.dataSource(), ReferenceData.bundled())
                .find(stream)
                .orElseThrow();
        JsonNode expected =
                Json.read(Json.write(StreamReports.overview(api.database.forOrg(acme.id()), Clock.system(), row, 5)));
        assertThat(overview).isEqualTo(expected);
        assertThat(overview.at("/items/0/company_name").asText()).isEqualTo("Overview Ltd");
        assertThat(overview.at("/progress/items").asInt()).isEqualTo(1);
    }

    @Test
    void bad_criteria_are_refused_naming_each_field_and_nothing_is_written() {
        long before = fixtures.count("SELECT count(*) FROM streams");
        JsonNode refused = acme.editor()
                .post("/api/streams", """
                        {"goal_criteria": {"industry": ["Underwater basket weaving"], "colour": "red",
                                           "employee_count": {"min": 500, "max": 10}},
                         "target_metrics": {"companies_to_find": 0}, "stream_type": "gardening"}""")
                .expectError(400, "invalid_goal")
                .json();
        assertThat(fieldNames(refused.at("/details/fields")))
                .containsExactlyInAnyOrder(
                        "name",
                        "stream_type",
                        "goal_criteria.industry[0]",
                        "goal_criteria.colour",
                        "goal_criteria.employee_count",
                        "target_metrics.companies_to_find");
        assertThat(fixtures.count("SELECT count(*) FROM streams")).isEqualTo(before);
    }

    @Test
    void unknown_fields_wrong_types_and_bad_values_name_the_field_and_change_nothing() {
        ApiClient editor = acme.editor();
        UUID stream = newStream("Strict");
        long streams = fixtures.count("SELECT count(*) FROM streams");
        String row = row(stream);

        JsonNode unknown = editor.post("/api/streams", "{\"name\": \"x\", \"org_id\": \"" + UUID.randomUUID() + "\"}")
                .expectError(400, "unknown_field")
                .json();
        assertThat(unknown.at("/details/fields/0").asText()).isEqualTo("org_id");
        assertField(editor.post("/api/streams", "{\"name\": [\"x\"]}"), "name");
        assertField(
                editor.post("/api/streams", "{\"name\": \"x\", \"goal_deadline\": \"next spring\"}"), "goal_deadline");
        assertThat(fixtures.count("SELECT count(*) FROM streams")).isEqualTo(streams);

        editor.patch("/api/streams/" + stream, "{\"current_progress\": {\"completed\": 50}}")
                .expectError(400, "unknown_field");
        editor.patch("/api/streams/" + stream, "{\"goal_status\": \"completed\"}")
                .expectError(400, "unknown_field");
        assertThat(fieldNames(editor.patch("/api/streams/" + stream, "{\"status\": \"closed\", \"name\": \" \"}")
                        .expectError(400, "invalid_goal")
                        .json()
                        .at("/details/fields")))
                .containsExactlyInAnyOrder("status", "name");
        assertThat(fieldNames(editor.patch("/api/streams/" + stream, "{\"target_metrics\": {\"min_quality_score\": 9}}")
                        .expectError(400, "invalid_goal")
                        .json()
                        .at("/details/fields")))
                .containsExactly("target_metrics.min_quality_score");
        assertField(editor.patch("/api/streams/" + stream, "{\"goal_deadline\": 2027}"), "goal_deadline");
        assertThat(row(stream)).isEqualTo(row);

        assertField(acme.viewer().get("/api/streams/not-a-uuid"), "id");
        assertField(editor.patch("/api/streams/12345", "{}"), "id");
        assertField(editor.delete("/api/streams/12345"), "id");
        assertField(acme.viewer().get("/api/streams/" + stream + "?top=0"), "top");
        assertField(acme.viewer().get("/api/streams/" + stream + "?top=many"), "top");
        assertField(acme.viewer().get("/api/streams?limit=201"), "limit");
        assertField(acme.viewer().get("/api/streams?cursor=bm90LWEtY3Vyc29y"), "cursor");
        assertField(acme.viewer().get("/api/streams/" + stream + "/items?cursor=bm90LWEtY3Vyc29y"), "cursor");
        acme.viewer().get("/api/streams/" + UUID.randomUUID()).expectError(404, "not_found");
        editor.patch("/api/streams/" + UUID.randomUUID(), "{\"name\": \"x\"}").expectError(404, "not_found");
        editor.delete("/api/streams/" + UUID.randomUUID()).expectError(404, "not_found");
        assertThat(fixtures.count("SELECT count(*) FROM streams")).isEqualTo(streams);
    }

    @Test
    void a_patch_changes_only_the_fields_it_gives_and_keeps_the_progress_true() {
        JsonNode created =
                acme.editor().post("/api/streams", GOAL).expect(201).json().path("stream");
        UUID stream = id(created);
        long company = TestCompany.aCompany("Patch Ltd").insert(api.database.dataSource());
        item(stream, company, 1, "{\"quality_score\": 4.0}", 0);

        JsonNode renamed = acme.editor()
                .patch("/api/streams/" + stream, "{\"name\": \"  Renamed  \"}")
                .expect(200)
                .json()
                .path("stream");
        assertThat(renamed.path("name").asText()).isEqualTo("Renamed");
        for (String kept :
                List.of("description", "stream_type", "goal_criteria", "target_metrics", "goal_deadline", "status")) {
            assertThat(renamed.path(kept)).as(kept).isEqualTo(created.path(kept));
        }

        JsonNode retargeted = acme.editor()
                .patch(
                        "/api/streams/" + stream,
                        "{\"target_metrics\": {\"companies_to_find\": 2}, \"goal_deadline\": \"\"}")
                .expect(200)
                .json()
                .path("stream");
        assertThat(retargeted.at("/current_progress/total").asInt()).isEqualTo(2);
        assertThat(retargeted.at("/current_progress/completed").asInt()).isEqualTo(1);
        assertThat(retargeted.at("/current_progress/percentage").asInt()).isEqualTo(50);
        assertThat(retargeted.path("goal_status").asText()).isEqualTo("in_progress");
        assertThat(retargeted.path("goal_deadline").isNull()).isTrue();
        assertThat(retargeted.path("goal_criteria")).isEqualTo(created.path("goal_criteria"));

        JsonNode paused = acme.editor()
                .patch("/api/streams/" + stream, "{\"status\": \"paused\", \"description\": \"\"}")
                .expect(200)
                .json()
                .path("stream");
        assertThat(paused.path("status").asText()).isEqualTo("paused");
        assertThat(paused.path("goal_status").asText()).isEqualTo("paused");
        assertThat(paused.path("description").isNull()).isTrue();
        assertThat(paused.path("name").asText()).isEqualTo("Renamed");
        assertThat(acme.viewer().get("/api/streams/" + stream).json().path("stream"))
                .isEqualTo(paused);
    }

    @Test
    void paging_walks_every_stream_exactly_once_newest_first() {
        ApiTestServer.Org org = api.newOrg("pages");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(id(org.editor()
                            .post("/api/streams", "{\"name\": \"stream " + i + "\"}")
                            .expect(201)
                            .json()
                            .path("stream"))
                    .toString());
        }
        org.editor().post("/api/streams", "{\"name\": \"stream 3\"}").expect(201);

        List<JsonNode> walked = walk(org.viewer(), "/api/streams?limit=3", 3);
        List<String> ids = walked.stream().map(s -> s.path("id").asText()).toList();
        assertThat(ids).hasSize(8).doesNotHaveDuplicates().containsAll(made);
        List<Instant> created = walked.stream()
                .map(s -> Instant.parse(s.path("created_at").asText()))
                .toList();
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(ids.get(ids.size() - 1)).isEqualTo(made.get(0));

        assertThat(walk(org.viewer(), "/api/streams?name=stream%203&limit=1", 1))
                .extracting(s -> s.path("name").asText())
                .containsExactly("stream 3", "stream 3");
        assertThat(org.viewer().get("/api/streams?name=nothing").json().path("items"))
                .isEmpty();
    }

    @Test
    void items_are_ranked_best_first_and_paged_exactly_once() {
        UUID stream = newStream("Ranked");
        UUID other = newStream("Other");
        List<String> expected = new ArrayList<>();
        expected.add(item(stream, company("A"), 1, "{\"quality_score\": 4.5, \"reasons\": [\"SaaS\", \"London\"]}", 9));
        expected.add(item(stream, company("B"), 2, "{\"quality_score\": 4.9}", 8));
        expected.add(item(stream, company("C"), 3, "{}", 7));
        expected.add(item(stream, company("D"), null, "{\"quality_score\": 4.0}", 1));
        expected.add(item(stream, company("E"), null, "{\"quality_score\": 4.0}", 2));
        expected.add(item(stream, company("F"), null, "{\"quality_score\": 0}", 0));
        expected.add(item(stream, company("G"), null, "{\"quality_score\": \"n/a\"}", 3));
        expected.add(item(stream, company("H"), null, "{}", 4));
        String archived = item(stream, company("X"), null, "{\"quality_score\": 5}", 5);
        fixtures.execute("UPDATE stream_items SET status = 'archived' WHERE id = '" + archived + "'");
        item(other, company("Y"), 1, "{\"quality_score\": 5}", 0);

        List<JsonNode> walked = walk(acme.viewer(), "/api/streams/" + stream + "/items?limit=3", 3);
        assertThat(walked).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(expected);

        JsonNode first = walked.get(0);
        assertThat(first.path("position").asInt()).isEqualTo(1);
        assertThat(first.path("quality_score").asDouble()).isEqualTo(4.5);
        assertThat(first.path("priority").asText()).isEqualTo("high");
        assertThat(first.path("company_name").asText()).isEqualTo("A Ltd");
        assertThat(first.path("company_number").asText()).matches("\\d{8}");
        assertThat(first.path("reasons")).extracting(JsonNode::asText).containsExactly("SaaS", "London");
        assertThat(walked.get(6).path("quality_score").isNull()).isTrue();

        JsonNode overview =
                acme.viewer().get("/api/streams/" + stream + "?top=1000").json();
        assertThat(overview.path("items"))
                .extracting(i -> i.path("id").asText())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void progress_is_worked_out_without_writing_anything() {
        UUID stream = newStream("Progress");
        item(stream, company("P1"), null, "{\"quality_score\": 4.0}", 0);
        item(stream, company("P2"), null, "{\"quality_score\": 1.0}", 1);
        String row = row(stream);
        long events = fixtures.count("SELECT count(*) FROM stream_events");
        long insights = fixtures.count("SELECT count(*) FROM stream_insights");

        JsonNode progress = acme.viewer()
                .get("/api/streams/" + stream + "/progress")
                .expect(200)
                .json()
                .path("progress");
        assertThat(progress.path("completed").asInt()).isEqualTo(1);
        assertThat(progress.path("total").asInt()).isEqualTo(50);
        assertThat(progress.path("percentage").asInt()).isEqualTo(2);
        assertThat(progress.path("items").asInt()).isEqualTo(2);
        assertThat(progress.path("goal_status").asText()).isEqualTo("in_progress");
        assertThat(row(stream)).isEqualTo(row);
        assertThat(fixtures.count("SELECT count(*) FROM stream_events")).isEqualTo(events);
        assertThat(fixtures.count("SELECT count(*) FROM stream_insights")).isEqualTo(insights);

        JsonNode fresh = acme.viewer()
                .get("/api/streams/" + newStream("Fresh") + "/progress")
                .expect(200)
                .json();
        assertThat(fresh.path("progress").toString())
                .isEqualTo(
                        "{\"completed\":0,\"total\":50,\"percentage\":0,\"items\":0,\"goal_status\":\"not_started\"}");
    }

    @Test
    void deleting_a_stream_removes_everything_about_it_and_nothing_else() {
        UUID agent = fixtures.agent(acme.id(), "test_agent");
        UUID stream = newStream("Doomed");
        UUID kept = newStream("Kept");
        for (UUID s : List.of(stream, kept)) {
            acme.editor()
                    .post("/api/streams/" + s + "/agents", "{\"agent_id\": \"" + agent + "\"}")
                    .expect(201);
            acme.editor().post("/api/streams/" + s + "/workflow/run", null).expect(201);
            item(s, company("Doomed " + s), 1, "{\"quality_score\": 3}", 0);
            fixtures.execute("INSERT INTO stream_insights (stream_id, insight_type, title, dedupe_key) VALUES ('" + s
                    + "', 'recommendation', 'Call them', 'k')");
            fixtures.execute("INSERT INTO stream_events (stream_id, org_id, event_type, dedupe_key) VALUES ('" + s
                    + "', '" + acme.id() + "', 'agent-activity', 'k')");
            fixtures.execute("INSERT INTO schedule_fires (agent_id, stream_id, fire_time, outcome) VALUES ('" + agent
                    + "', '" + s + "', now(), 'fired')");
        }
        while (api.runner.runOnce() > 0) {
            // until both runs are done
        }
        String keptRows = aboutStream(kept);

        acme.editor().delete("/api/streams/" + stream).expect(204);

        assertThat(aboutStream(stream)).isEqualTo("0 0 0 0 0 0 0 0 0");
        assertThat(aboutStream(kept)).isEqualTo(keptRows).isEqualTo("1 1 1 1 1 1 1 1 1");
        assertThat(fixtures.count("SELECT count(*) FROM ai_agents WHERE id = '" + agent + "'"))
                .isEqualTo(1);
        acme.viewer().get("/api/streams/" + stream).expectError(404, "not_found");
        acme.editor().delete("/api/streams/" + stream).expectError(404, "not_found");
    }

    @Test
    void a_stream_with_work_going_on_is_not_deleted_until_its_run_is_cancelled() {
        UUID agent = fixtures.agent(acme.id(), "test_agent");
        UUID stream = newStream("Busy");
        acme.editor()
                .post("/api/streams/" + stream + "/agents", "{\"agent_id\": \"" + agent + "\"}")
                .expect(201);
        String run = acme.editor()
                .post("/api/streams/" + stream + "/workflow/run", "{}")
                .expect(201)
                .json()
                .at("/run/id")
                .asText();
        String before = aboutStream(stream);

        JsonNode refused = acme.editor()
                .delete("/api/streams/" + stream)
                .expectError(409, "conflict")
                .json();
        assertThat(refused.path("error").asText()).contains("1 running run(s)", "1 task(s)");
        assertThat(aboutStream(stream)).isEqualTo(before);

        acme.editor().post("/api/workflow-runs/" + run + "/cancel", null).expect(200);
        acme.editor().delete("/api/streams/" + stream).expect(204);
        assertThat(aboutStream(stream)).isEqualTo("0 0 0 0 0 0 0 0 0");
    }

    /** Rows about the stream: itself, items, insights, events, assignments, runs, tasks, executions, schedule fires. */
    static String aboutStream(UUID stream) {
        String runs = "(SELECT id FROM workflow_runs WHERE stream_id = '" + stream + "')";
        String tasks = fixtures.count("SELECT count(*) FROM agent_tasks WHERE workflow_run_id IN " + runs) + "";
        return String.join(
                " ",
                count("streams WHERE id", stream),
                count("stream_items WHERE stream_id", stream),
                count("stream_insights WHERE stream_id", stream),
                count("stream_events WHERE stream_id", stream),
                count("stream_agent_assignments WHERE stream_id", stream),
                count("workflow_runs WHERE stream_id", stream),
                tasks,
                count("agent_executions WHERE stream_id", stream),
                count("schedule_fires WHERE stream_id", stream));
    }

    private static String count(String tableAndColumn, UUID stream) {
        return String.valueOf(fixtures.count("SELECT count(*) FROM " + tableAndColumn + " = '" + stream + "'"));
    }

    /** Every item of a paged list, following {@code next_cursor}; each page at most {@code limit} long. */
    static List<JsonNode> walk(ApiClient client, String path, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + (cursor == null ? "" : (path.contains("?") ? "&" : "?") + "cursor=" + cursor);
            JsonNode body = client.get(page).expect(200).json();
            assertThat(body.path("items").size()).isLessThanOrEqualTo(limit);
            body.path("items").forEach(items::add);
            cursor = body.path("next_cursor").isNull()
                    ? null
                    : body.path("next_cursor").asText();
        } while (cursor != null);
        return items;
    }

    static void assertField(ApiClient.Response response, String field) {
        assertThat(response.expectError(400, "invalid_field")
                        .json()
                        .at("/details/field")
                        .asText())
                .isEqualTo(field);
    }

    static UUID id(JsonNode resource) {
        return UUID.fromString(resource.path("id").asText());
    }

    private static List<String> fieldNames(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode page, UUID id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asText().equals(id.toString())) {
                return item;
            }
        }
        throw new AssertionError(id + " is not in " + page);
    }

    private static UUID newStream(String name) {
        return id(acme.editor()
                .post("/api/streams", "{\"name\": \"" + name + "\"}")
                .expect(201)
                .json()
                .path("stream"));
    }

    private static String row(UUID stream) {
        return fixtures.text("SELECT s::text FROM streams s WHERE id = '" + stream + "'");
    }

    private static long company(String name) {
        return TestCompany.aCompany(name + " Ltd").insert(api.database.dataSource());
    }

    /** A company item, added {@code minutes} after a fixed time; high priority when ranked. */
    private static String item(UUID stream, long company, Integer position, String metadata, int minutes) {
        Sql.run(api.database.dataSource(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO stream_items (stream_id, company_id, title, priority, position, metadata, created_at)
                    SELECT ?, id, name, ?, ?, ?::jsonb, ? FROM companies WHERE id = ?""")) {
                insert.setObject(1, stream);
                insert.setString(2, position == null ? "medium" : "high");
                insert.setObject(3, position);
                insert.setString(4, metadata);
                insert.setTimestamp(
                        5, Timestamp.from(Instant.parse("2026-01-05T09:00:00Z").plusSeconds(60L * minutes)));
                insert.setLong(6, company);
                return insert.executeUpdate();
            }
        });
        return fixtures.text(
                "SELECT id FROM stream_items WHERE stream_id = '" + stream + "' AND company_id = " + company);
    }
}
