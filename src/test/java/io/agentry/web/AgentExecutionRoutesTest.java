package io.agentry.web;

import static io.agentry.web.AgentRoutesTest.field;
import static io.agentry.web.AgentRoutesTest.walk;
import static io.agentry.web.ExecutionRows.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentExecutionRoutesTest {
    static ApiTestServer api;
    static DataSource data;
    static ApiTestServer.Org acme;
    static ApiTestServer.Org globex;
    static UUID scout;
    static UUID scorer;
    static UUID stream;
    static List<String> newestFirst = new ArrayList<>();
    static List<String> ofScorer = new ArrayList<>();
    static List<String> onStream = new ArrayList<>();
    static String failed;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        data = api.database.dataSource();
        acme = api.newOrg("acme");
        globex = api.newOrg("globex");
        Fixtures fixtures = new Fixtures(api.database);
        scout = fixtures.agent(acme.id(), "scout_agent");
        scorer = fixtures.agent(acme.id(), "scoring_agent");
        stream = TestStreams.aStream(data, acme.id(), "{}", "{}");
        for (int i = 0; i < 7; i++) {
            ExecutionRows row = anExecution(acme.id(), i % 2 == 0 ? scout : scorer)
                    .createdAgo(Duration.ofMinutes(60 - i))
                    .metrics("{\"items_processed\": " + i + "}");
            if (i < 3) {
                row.onStream(stream);
            }
            if (i == 5) {
                row.failed("Companies House answered 503");
            }
            String id = row.insert(data).toString();
            newestFirst.add(0, id);
            if (i % 2 == 1) {
                ofScorer.add(id);
            }
            if (i < 3) {
                onStream.add(id);
            }
            if (i == 5) {
                failed = id;
            }
        }
        // Two executions created in the same instant: the id orders them.
        new Fixtures(api.database)
                .execute(
                        "UPDATE agent_executions SET created_at = (SELECT created_at FROM agent_executions WHERE id = '"
                                + newestFirst.get(1) + "') WHERE id = '" + newestFirst.get(2) + "'");
        if (newestFirst.get(1).compareTo(newestFirst.get(2)) < 0) {
            newestFirst.add(1, newestFirst.remove(2));
        }
        anExecution(globex.id(), new Fixtures(api.database).agent(globex.id(), "scout_agent"))
                .insert(data);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void an_execution_is_read_with_the_seeds_columns() {
        String id = failed;
        JsonNode execution = acme.viewer()
                .get("/api/agents/executions/" + id)
                .expect(200)
                .json()
                .path("execution");
        assertThat(execution.path("id").asText()).isEqualTo(id);
        assertThat(execution.path("status").asText()).isEqualTo("failed");
        assertThat(execution.path("error_message").asText()).isEqualTo("Companies House answered 503");
        assertThat(execution.path("agent_id").asText()).isEqualTo(scorer.toString());
        assertThat(execution.path("agent_name").asText()).isEqualTo("scoring_agent agent");
        assertThat(execution.path("duration_ms").asInt()).isEqualTo(100);
        assertThat(execution.at("/metrics/items_processed").asInt()).isEqualTo(5);
        assertThat(execution.at("/input_data/source").asText()).isEqualTo("test");
        for (String column : List.of(
                "org_id",
                "stream_id",
                "started_at",
                "completed_at",
                "output_data",
                "goal_context",
                "results_summary",
                "task_id",
                "workflow_run_id",
                "attempts",
                "created_at")) {
            assertThat(execution.has(column)).as(column).isTrue();
        }
    }

    @Test
    void paging_walks_every_execution_once_newest_first() {
        assertThat(walk(acme.viewer(), "/api/agents/executions?limit=2")).containsExactlyElementsOf(newestFirst);
        assertThat(walk(acme.viewer(), "/api/agents/executions")).hasSize(7);
    }

    @Test
    void filters_narrow_the_list() {
        assertThat(walk(acme.viewer(), "/api/agents/executions?limit=1&stream_id=" + stream))
                .containsExactlyInAnyOrderElementsOf(onStream);
        assertThat(walk(acme.viewer(), "/api/agents/executions?agent_id=" + scorer))
                .containsExactlyInAnyOrderElementsOf(ofScorer);
        assertThat(walk(acme.viewer(), "/api/agents/executions?status=failed&agent_id=" + scorer))
                .containsExactly(failed);
        assertThat(walk(acme.viewer(), "/api/agents/executions?status=running")).isEmpty();
    }

    @Test
    void bad_filters_are_refused_naming_them() {
        field(acme.viewer().get("/api/agents/executions?status=done"), "status");
        field(acme.viewer().get("/api/agents/executions?agent_id=scout"), "agent_id");
        field(acme.viewer().get("/api/agents/executions?stream_id=1"), "stream_id");
        field(acme.viewer().get("/api/agents/executions/nope"), "id");
    }

    @Test
    void another_orgs_execution_is_not_found_and_not_listed() {
        String theirs = walk(globex.viewer(), "/api/agents/executions").get(0);
        acme.viewer().get("/api/agents/executions/" + theirs).expectError(404, "not_found");
        acme.viewer().get("/api/agents/executions/" + UUID.randomUUID()).expectError(404, "not_found");
        assertThat(walk(acme.viewer(), "/api/agents/executions")).doesNotContain(theirs);
    }
}
