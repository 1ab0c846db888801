package io.agentry.web;

import static io.agentry.web.StreamRoutesTest.assertField;
import static io.agentry.web.StreamRoutesTest.walk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Sql;
import io.agentry.testing.Fixtures;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InsightRoutesTest {
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
    void insights_are_listed_newest_first_filtered_and_paged_exactly_once() {
        UUID stream = stream();
        List<String> newestFirst = new ArrayList<>();
        String[][] made = {
            {"progress_update", "info", "false"},
            {"risk_alert", "critical", "false"},
            {"recommendation", "warning", "true"},
            {"risk_alert", "warning", "true"},
            {"milestone_achieved", "success", "false"},
        };
        for (int i = 0; i < made.length; i++) {
            newestFirst.add(0, insight(stream, made[i][0], made[i][1], Boolean.parseBoolean(made[i][2]), i));
        }
        insight(stream(), "risk_alert", "critical", false, 9);

        String path = "/api/streams/" + stream + "/insights";
        List<JsonNode> walked = walk(acme.viewer(), path + "?limit=2", 2);
        assertThat(walked).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(newestFirst);
        JsonNode first = walked.get(0);
        assertThat(first.path("insight_type").asText()).isEqualTo("milestone_achieved");
        assertThat(first.path("is_read").asBoolean()).isFalse();
        assertThat(first.path("is_actionable").asBoolean()).isTrue();
        assertThat(first.path("action_taken").isNull()).isTrue();

        assertThat(ids(path + "?unread=true"))
                .containsExactly(newestFirst.get(0), newestFirst.get(3), newestFirst.get(4));
        assertThat(ids(path + "?unread=false")).containsExactly(newestFirst.get(1), newestFirst.get(2));
        assertThat(ids(path + "?type=risk_alert")).containsExactly(newestFirst.get(1), newestFirst.get(3));
        assertThat(ids(path + "?type=risk_alert&severity=critical&unread=true")).containsExactly(newestFirst.get(3));
        assertThat(walk(acme.viewer(), path + "?severity=warning&limit=1", 1))
                .extracting(i -> i.path("id").asText())
                .containsExactly(newestFirst.get(1), newestFirst.get(2));

        assertField(acme.viewer().get(path + "?unread=yes"), "unread");
        assertField(acme.viewer().get(path + "?type=gossip"), "type");
        assertField(acme.viewer().get(path + "?severity=dire"), "severity");
        assertField(acme.viewer().get(path + "?cursor=%25%25"), "cursor");
    }

    @Test
    void an_insight_is_marked_read_and_acted_upon() {
        UUID stream = stream();
        String id = insight(stream, "risk_alert", "critical", false, 0);
        String path = "/api/streams/" + stream + "/insights/" + id;
        String untouched = insight(stream, "recommendation", "info", false, 1);

        JsonNode read = acme.editor()
                .patch(path, "{\"is_read\": true}")
                .expect(200)
                .json()
                .path("insight");
        assertThat(read.path("is_read").asBoolean()).isTrue();
        assertThat(read.path("action_taken").isNull()).isTrue();

        JsonNode unread = acme.editor()
                .patch(path, "{\"is_read\": false}")
                .expect(200)
                .json()
                .path("insight");
        assertThat(unread.path("is_read").asBoolean()).isFalse();

        JsonNode acted = acme.editor()
                .patch(path, "{\"action_taken\": \"  Called their CTO  \"}")
                .expect(200)
                .json()
                .path("insight");
        assertThat(acted.path("action_taken").asText()).isEqualTo("Called their CTO");
        assertThat(Instant.parse(acted.path("action_taken_at").asText()))
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(acted.path("is_read").asBoolean()).isTrue();
        for (String kept :
                List.of("id", "stream_id", "insight_type", "title", "description", "severity", "data", "created_at")) {
            assertThat(acted.path(kept)).as(kept).isEqualTo(read.path(kept));
        }

        JsonNode cleared = acme.editor()
                .patch(path, "{\"action_taken\": \"\"}")
                .expect(200)
                .json()
                .path("insight");
        assertThat(cleared.path("action_taken").isNull()).isTrue();
        assertThat(cleared.path("action_taken_at").isNull()).isTrue();
        assertThat(cleared.path("is_read").asBoolean()).isTrue();

        assertThat(acme.viewer()
                        .get("/api/streams/" + stream + "/insights?unread=true")
                        .json()
                        .path("items"))
                .extracting(i -> i.path("id").asText())
                .containsExactly(untouched);
    }

    @Test
    void a_bad_change_names_the_field_and_changes_nothing() {
        UUID stream = stream();
        String id = insight(stream, "risk_alert", "critical", false, 0);
        String path = "/api/streams/" + stream + "/insights/" + id;
        String row = row(id);

        assertField(acme.editor().patch(path, "{\"is_read\": \"perhaps\"}"), "is_read");
        assertField(acme.editor().patch(path, "{\"action_taken\": \"" + "x".repeat(2001) + "\"}"), "action_taken");
        acme.editor().patch(path, "{\"title\": \"Nothing to see\"}").expectError(400, "unknown_field");
        acme.editor()
                .patch(path, "{\"action_taken_at\": \"2020-01-01T00:00:00Z\"}")
                .expectError(400, "unknown_field");
        acme.viewer().patch(path, "{\"is_read\": true}").expectError(403, "forbidden");
        acme.editor()
                .patch("/api/streams/" + stream() + "/insights/" + id, "{\"is_read\": true}")
                .expectError(404, "not_found");
        acme.editor()
                .patch("/api/streams/" + stream + "/insights/" + UUID.randomUUID(), "{\"is_read\": true}")
                .expectError(404, "not_found");
        assertField(
                acme.editor().patch("/api/streams/" + stream + "/insights/first", "{\"is_read\": true}"), "insightId");

        assertThat(row(id)).isEqualTo(row);
    }

    private static List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        acme.viewer()
                .get(path)
                .expect(200)
                .json()
                .path("items")
                .forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private static String row(String id) {
        return fixtures.text("SELECT i::text FROM stream_insights i WHERE id = '" + id + "'");
    }

    private static UUID stream() {
        return UUID.fromString(acme.editor()
                .post("/api/streams", "{\"name\": \"Insights\"}")
                .expect(201)
                .json()
                .at("/stream/id")
                .asText());
    }

    /** An actionable insight made {@code minutes} after a fixed time. */
    private static String insight(UUID stream, String type, String severity, boolean read, int minutes) {
        return Sql.run(api.database.dataSource(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO stream_insights (stream_id, insight_type, title, description, severity, data,
                                                 generated_by, is_actionable, is_read, dedupe_key, created_at)
                    VALUES (?, ?, ?, 'What the agent saw', ?, '{"n": 1}', 'scoring_agent', true, ?, ?, ?)
                    RETURNING id""")) {
                insert.setObject(1, stream);
                insert.setString(2, type);
                insert.setString(3, type + " " + minutes);
                insert.setString(4, severity);
                insert.setBoolean(5, read);
                insert.setString(6, "test:" + minutes);
                insert.setTimestamp(
                        7, Timestamp.from(Instant.parse("2026-02-01T08:00:00Z").plusSeconds(60L * minutes)));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
