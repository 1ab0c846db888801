package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route about a stream or a run, taken from the server's route table so that a new one
 * cannot be missed: another org's resource is a 404 and a viewer's change a 403, and neither
 * changes anything.
 */
class StreamRoutesAccessTest {
    static ApiTestServer api;
    static Fixtures fixtures;
    static ApiTestServer.Org acme;
    static ApiTestServer.Org globex;
    static String stream;
    static String agent;
    static String run;
    static String insight;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        fixtures = new Fixtures(api.database);
        acme = api.newOrg("acme");
        globex = api.newOrg("globex");
        stream = acme.editor()
                .post("/api/streams", "{\"name\": \"Acme's own\"}")
                .expect(201)
                .json()
                .at("/stream/id")
                .asText();
        agent = fixtures.agent(acme.id(), "test_agent").toString();
        acme.editor()
                .post("/api/streams/" + stream + "/agents", "{\"agent_id\": \"" + agent + "\"}")
                .expect(201);
        run = acme.editor()
                .post("/api/streams/" + stream + "/workflow/run", null)
                .expect(201)
                .json()
                .at("/run/id")
                .asText();
        api.runner.runOnce();
        insight = fixtures.text("INSERT INTO stream_insights (stream_id, insight_type, title, dedupe_key) VALUES ('"
                + stream + "', 'risk_alert', 'Few companies match', 'k') RETURNING id");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void another_orgs_stream_run_assignment_and_insight_are_a_404_on_every_route() {
        String before = acmeRows();
        List<Route> routes =
                routes().stream().filter(route -> route.path().contains("{")).toList();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(14);

        for (Route route : routes) {
            for (ApiClient outsider : List.of(globex.admin(), globex.editor())) {
                ApiClient.Response response = outsider.send(route.method().name(), path(route), body(route));
                assertThat(response.status())
                        .as(route.method() + " " + route.path() + ": " + response.body())
                        .isEqualTo(404);
                assertThat(response.json().path("code").asText()).isEqualTo("not_found");
            }
        }
        assertThat(globex.viewer().get("/api/streams").expect(200).json().path("items"))
                .isEmpty();
        assertThat(acmeRows()).isEqualTo(before);
    }

    @Test
    void a_viewer_reads_every_route_and_changes_none() {
        String before = acmeRows();
        List<Route> routes = routes();
        assertThat(routes.stream().filter(Route::mutates)).hasSizeGreaterThanOrEqualTo(9);

        for (Route route : routes) {
            ApiClient.Response response = acme.viewer().send(route.method().name(), path(route), body(route));
            String said = route.method() + " " + route.path() + ": " + response.body();
            assertThat(response.status()).as(said).isEqualTo(route.mutates() ? 403 : 200);
            api.anonymous()
                    .send(route.method().name(), path(route), body(route))
                    .expectError(401, "unauthorized");
            api.operator.send(route.method().name(), path(route), body(route)).expectError(403, "forbidden");
        }
        assertThat(acmeRows()).isEqualTo(before);
    }

    /** The routes about streams and runs, but the live events (their own test speaks SSE). */
    private static List<Route> routes() {
        return api.server.routes().stream()
                .filter(route ->
                        route.path().startsWith("/api/streams") || route.path().startsWith("/api/workflow-runs"))
                .filter(route -> route.events() == null)
                .toList();
    }

    private static String path(Route route) {
        String path = route.path().startsWith("/api/workflow-runs/")
                ? route.path().replace("{id}", run)
                : route.path().replace("{id}", stream);
        return path.replace("{agentId}", agent).replace("{insightId}", insight);
    }

    /** A body each route would accept from the stream's own org. */
    private static String body(Route route) {
        if (!route.mutates() || route.method().name().equals("DELETE")) {
            return null;
        }
        if (route.path().endsWith("/agents")) {
            return "{\"agent_id\": \"" + agent + "\"}";
        }
        if (route.path().equals("/api/streams")) {
            return "{\"name\": \"Intruder\"}";
        }
        return "{}";
    }

    private static String acmeRows() {
        String org = "'" + acme.id() + "'";
        String streamId = "'" + stream + "'";
        return String.join(
                "\n",
                fixtures.text("SELECT string_agg(t::text, '|' ORDER BY t.id) FROM streams t WHERE org_id = " + org),
                fixtures.text("SELECT string_agg(t::text, '|' ORDER BY t.id) FROM stream_insights t WHERE stream_id = "
                        + streamId),
                fixtures.text(
                        "SELECT string_agg(t::text, '|' ORDER BY t.id) FROM stream_agent_assignments t WHERE org_id = "
                                + org),
                fixtures.text(
                        "SELECT string_agg(t::text, '|' ORDER BY t.id) FROM workflow_runs t WHERE org_id = " + org),
                fixtures.text("SELECT string_agg(t::text, '|' ORDER BY t.id) FROM agent_tasks t WHERE org_id = " + org),
                fixtures.text(
                        "SELECT string_agg(t::text, '|' ORDER BY t.id) FROM agent_executions t WHERE org_id = " + org),
                String.valueOf(fixtures.count("SELECT count(*) FROM streams")));
    }
}
