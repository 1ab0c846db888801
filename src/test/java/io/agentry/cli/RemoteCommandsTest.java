package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.AgentRegistry;
import io.agentry.key.KeyRole;
import io.agentry.org.Organizations;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestAgents;
import io.agentry.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commands that read or act on a deployment, run twice: on its database, and with {@code
 * --url}/{@code --key} through a running server over the same database. They must say the same.
 */
class RemoteCommandsTest {
    private static final String ORG = "Remote Org";
    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static TestServer api;
    private static Fixtures fixtures;
    private static String editor;
    private static String viewer;

    @BeforeAll
    static void start() {
        api = new TestServer(TestDatabase.fresh(), new AgentRegistry());
        fixtures = new Fixtures(api.database);
        editor = api.key(ORG, KeyRole.EDITOR);
        viewer = api.key(ORG, KeyRole.VIEWER);
    }

    @AfterAll
    static void stop() {
        api.close();
        api.database.close();
    }

    private static String aStream(String name) {
        AgentryRun created = api.local("streams", "create", name, "--org", ORG, "--industry", "SaaS");
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.out().substring("Created stream ".length(), created.out().indexOf(':'));
    }

    private static String assign(String stream, String type, String... flags) {
        String[] args = new String[4 + flags.length];
        args[0] = "streams";
        args[1] = "assign";
        args[2] = stream;
        args[3] = type;
        System.arraycopy(flags, 0, args, 4, flags.length);
        AgentryRun assigned = api.local(args);
        assertThat(assigned.exitCode()).as(assigned.err()).isZero();
        UUID org = new Organizations(api.database.dataSource()).find(ORG).orElseThrow();
        return new Organizations(api.database.dataSource())
                .agentOfType(org, type, type)
                .toString();
    }

    /** The ids and times a second execution gets anew, as placeholders; the stream's and agent's stay. */
    private static String withoutNewIds(String text, String... kept) {
        String result = text;
        for (int i = 0; i < kept.length; i++) {
            result = result.replace(kept[i], "<kept" + i + ">");
        }
        return result.replaceAll(UUID_TEXT, "<new>").replaceAll("\"created_at\":\"[^\"]+\"", "\"created_at\":\"<t>\"");
    }

    private static long tasks() {
        return fixtures.count("SELECT count(*) FROM agent_tasks");
    }

    @Test
    void execute_queues_the_same_execution_through_the_server_as_on_the_database() {
        String stream = aStream("Execute");
        String bot = assign(stream, "opportunity_bot");

        AgentryRun local = api.local("execute", stream, bot);
        AgentryRun remote = api.remote(editor, "execute", stream, bot);
        AgentryRun localJson = api.local("execute", stream, bot, "--json", "--config", "{\"limit\": 5}");
        AgentryRun remoteJson = api.remote(editor, "execute", stream, bot, "--json", "--config", "{\"limit\": 5}");

        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(local.out())
                .startsWith("Agent execution queued successfully: execution ")
                .contains("agentry runs " + stream);
        assertThat(withoutNewIds(remote.out(), stream, bot)).isEqualTo(withoutNewIds(local.out(), stream, bot));
        JsonNode queued = Json.read(remoteJson.out());
        assertThat(queued.at("/execution/status").asText()).isEqualTo("queued");
        assertThat(queued.at("/execution/agent_id").asText()).isEqualTo(bot);
        assertThat(withoutNewIds(remoteJson.out(), stream, bot)).isEqualTo(withoutNewIds(localJson.out(), stream, bot));
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions WHERE agent_id = '" + bot
                        + "' AND input_data->'execution_config'->>'limit' = '5'"))
                .isEqualTo(2);
        assertThat(fixtures.count("SELECT count(*) FROM agent_executions WHERE stream_id = '" + stream + "'"))
                .isEqualTo(4);
    }

    @Test
    void an_agent_named_by_its_type_is_the_organizations_oldest_active_one_both_ways() {
        String stream = aStream("By type");
        String bot = assign(stream, "opportunity_bot");
        UUID org = new Organizations(api.database.dataSource()).find(ORG).orElseThrow();
        fixtures.agent(org, "opportunity_bot"); // a newer one of the same type

        AgentryRun local = api.local("execute", stream, "opportunity_bot", "--json");
        AgentryRun remote = api.remote(editor, "execute", stream, "opportunity_bot", "--json");
        AgentryRun unknownType = api.remote(editor, "execute", stream, "scout_agent");

        assertThat(Json.read(local.out()).at("/execution/agent_id").asText()).isEqualTo(bot);
        assertThat(Json.read(remote.out()).at("/execution/agent_id").asText()).isEqualTo(bot);
        assertThat(unknownType.exitCode()).isEqualTo(2);
        assertThat(unknownType.err())
                .startsWith("agentry execute: AGENT: the organization has no active scout_agent agent yet");
    }

    @Test
    void unmet_dependencies_are_refused_alike_both_ways_and_force_queues_the_agent() {
        String stream = aStream("Dependencies");
        assign(stream, "opportunity_bot");
        String scoring = assign(stream, "scoring_agent", "--depends-on", "opportunity_bot");
        long before = tasks();

        AgentryRun local = api.local("execute", stream, scoring);
        AgentryRun remote = api.remote(editor, "execute", stream, scoring);

        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err())
                .startsWith("agentry execute: Dependent agents have not completed execution: opportunity_bot")
                .contains("see 'agentry execute --help'");
        assertThat(remote.exitCode()).isEqualTo(local.exitCode());
        assertThat(remote.err()).isEqualTo(local.err());
        assertThat(tasks()).isEqualTo(before);

        AgentryRun forcedLocally = api.local("execute", stream, scoring, "--force");
        AgentryRun forcedRemotely = api.remote(editor, "execute", stream, scoring, "--force");

        assertThat(forcedLocally.exitCode()).as(forcedLocally.err()).isZero();
        assertThat(forcedRemotely.exitCode()).as(forcedRemotely.err()).isZero();
        assertThat(withoutNewIds(forcedRemotely.out(), stream, scoring))
                .isEqualTo(withoutNewIds(forcedLocally.out(), stream, scoring));
        assertThat(tasks()).isEqualTo(before + 2);
    }

    @Test
    void an_inactive_agent_and_an_unknown_stream_are_refused_alike_both_ways() {
        String stream = aStream("Inactive");
        String bot = assign(stream, "opportunity_bot");
        fixtures.deactivate(UUID.fromString(bot));
        String unknown = UUID.randomUUID().toString();
        long before = tasks();

        AgentryRun inactive = api.local("execute", stream, bot);
        AgentryRun noStream = api.local("execute", unknown, bot);

        assertThat(inactive.exitCode()).isEqualTo(2);
        assertThat(inactive.err()).startsWith("agentry execute: AGENT: Agent is not active\n");
        assertThat(noStream.exitCode()).isEqualTo(1);
        assertThat(noStream.err()).isEqualTo("No stream " + unknown + ": agentry streams list shows them.\n");
        for (AgentryRun[] pair : new AgentryRun[][] {
            {inactive, api.remote(editor, "execute", stream, bot)},
            {noStream, api.remote(editor, "execute", unknown, bot)}
        }) {
            assertThat(pair[1].exitCode()).isEqualTo(pair[0].exitCode());
            assertThat(pair[1].err()).isEqualTo(pair[0].err());
            assertThat(pair[1].out()).isEqualTo(pair[0].out());
        }
        assertThat(tasks()).isEqualTo(before);
    }

    @Test
    void status_is_the_same_through_the_server_as_on_the_database() {
        String stream = aStream("Status");
        String bot = assign(stream, "opportunity_bot");
        assertThat(api.local("execute", stream, bot).exitCode()).isZero();
        AgentRegistry registry = new AgentRegistry();
        registry.register("writer_agent", TestAgents.succeeding());
        try (Runner node =
                new Runner(api.database, registry, RunnerOptions.defaults().withNodeId("worker-1"), Clock.system())) {
            node.start();
            node.stop();
        }

        AgentryRun local = api.local("status");
        String json = api.local("status", "--json").out();

        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out())
                .startsWith("Database: ")
                .containsPattern("worker-1 +stopped .* writer_agent\n")
                .contains("Pending tasks no running node can run: opportunity_bot ");
        for (String key : new String[] {TestServer.OPERATOR_TOKEN, viewer}) {
            AgentryRun remote = api.remote(key, "status");
            assertThat(remote.exitCode()).as(remote.err()).isZero();
            assertThat(remote.out()).startsWith("Server: " + api.url() + "\n");
            assertThat(sinceSecondLine(remote.out())).isEqualTo(sinceSecondLine(local.out()));
            assertThat(api.remote(key, "status", "--json").out()).isEqualTo(json);
        }
    }

    /** Without the line that says where it looked, and with heartbeat ages that tick between two runs. */
    private static String sinceSecondLine(String text) {
        return text.substring(text.indexOf('\n') + 1).replaceAll("\\d+s ago", "Ns ago");
    }

    @Test
    void a_refused_key_says_so_and_which_key_to_give() {
        String stream = aStream("Keys");
        String bot = assign(stream, "opportunity_bot");

        AgentryRun wrong = api.remote("agk_not-a-key", "status");
        AgentryRun readOnly = api.remote(viewer, "execute", stream, bot);

        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err())
                .isEqualTo(
                        "agentry status: the server refused the key (Unauthorized): check --key or AGENTRY_API_KEY\n");
        AgentryRun operator = api.remote(TestServer.OPERATOR_TOKEN, "streams", "list");
        assertThat(operator.exitCode()).isEqualTo(1);
        assertThat(operator.err())
                .isEqualTo("agentry streams list: the key may not do this (Access denied): reading needs a key of an "
                        + "organization (the operator token has none)\n");
        assertThat(readOnly.exitCode()).isEqualTo(1);
        assertThat(readOnly.err())
                .startsWith("agentry execute: the key may not do this (Access denied): it needs an editor or admin "
                        + "key of the organization");
    }

    @Test
    void a_server_that_is_not_there_is_named() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        AgentryRun run = AgentryRun.of("status", "--url", "http://127.0.0.1:" + port, "--key", editor);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("agentry status: http://127.0.0.1:" + port + " is not answering: connection refused: "
                        + "no server listens on that host and port\n");
        AgentryRun unknown =
                AgentryRun.of("streams", "list", "--url", "http://no-such-host.invalid:8080", "--key", editor);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err())
                .isEqualTo("agentry streams list: http://no-such-host.invalid:8080 is not answering: unknown host "
                        + "no-such-host.invalid\n");
        assertThat(unknown.err()).doesNotContain(editor);
    }

    @Test
    void the_server_flags_are_checked_before_anything_is_done() {
        assertThat(api.remote(editor, "status", "--database-url", api.database.url())
                        .errLines())
                .first()
                .isEqualTo("agentry status: --url and --database-url do not go together: through a server the key "
                        + "decides the organization and the server its database");
        AgentryRun noKey = AgentryRun.of("status", "--url", api.url());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).startsWith("agentry status: --url (" + api.url() + ") needs a key: --key or");
        AgentryRun badUrl = AgentryRun.of("status", "--url", "127.0.0.1:8080", "--key", editor);
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--url (127.0.0.1:8080) must be a server's address such as");
        AgentryRun keyAlone = api.local("status", "--key", editor);
        assertThat(keyAlone.exitCode()).isEqualTo(2);
        assertThat(keyAlone.err()).contains("--key is for a server: give --url (or AGENTRY_URL) too");
        AgentryRun org = api.remote(editor, "streams", "list", "--org", ORG);
        assertThat(org.exitCode()).isEqualTo(2);
        assertThat(org.err()).contains("--url and --org do not go together");
    }

    /** Runs the command both ways (the viewer's key through the server) and checks it said the same. */
    private static AgentryRun same(String... args) {
        return same(new String[0], args);
    }

    /** As {@link #same(String...)}, with {@code localOnly} added on the database: what the key says otherwise. */
    private static AgentryRun same(String[] localOnly, String... args) {
        AgentryRun local = api.local(concat(args, localOnly));
        AgentryRun remote = api.remote(viewer, args);
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(remote.exitCode()).as(remote.err()).isEqualTo(local.exitCode());
        assertThat(remote.out()).isEqualTo(local.out());
        assertThat(remote.err()).isEqualTo(local.err());
        return local;
    }

    @Test
    void streams_list_and_show_and_runs_say_the_same_through_the_server_as_on_the_database() {
        AgentryRun created = api.local(
                "streams",
                "create",
                "Shown",
                "--org",
                ORG,
                "--description",
                "For the report",
                "--industry",
                "SaaS",
                "--location",
                "UK",
                "--employees",
                "10-500",
                "--deadline",
                "2031-01-31");
        String stream = created.out()
                .substring("Created stream ".length(), created.out().indexOf(':'));
        String bot = assign(stream, "opportunity_bot");
        assign(stream, "scoring_agent", "--depends-on", "opportunity_bot", "--auto-execute");
        for (int i = 0; i < 3; i++) {
            assertThat(api.local("execute", stream, bot).exitCode()).isZero();
        }
        fixtures.execute(
                "INSERT INTO stream_insights (stream_id, insight_type, title, description, severity, dedupe_key)"
                        + " VALUES ('" + stream + "', 'recommendation', 'A lead', 'Worth a call', 'warning', 'lead')");

        String[] org = {"--org", ORG};
        assertThat(same(org, "streams", "list").out()).contains(stream, "Shown");
        assertThat(Json.read(same(org, "streams", "list", "--json").out())).isNotEmpty();
        assertThat(same("streams", "show", stream).out())
                .contains("For the report", "Workflow:", "Latest: Run ", "[warning] A lead: Worth a call");
        assertThat(Json.read(same("streams", "show", stream, "--json", "--top", "1")
                                .out())
                        .path("assignments"))
                .hasSize(2);
        assertThat(same("runs", stream).out())
                .contains("opportunity_bot")
                .containsPattern("opportunity_bot +queued +0\n");
        assertThat(Json.read(same("runs", stream, "--json", "--limit", "2").out()))
                .hasSize(2);
    }

    @Test
    void runs_beyond_one_page_of_the_server_are_read_page_after_page() {
        String stream = aStream("Many runs");
        fixtures.execute("INSERT INTO workflow_runs (id, org_id, stream_id, trigger, status, created_at, completed_at)"
                + " SELECT gen_random_uuid(), org_id, id, 'schedule', 'completed', now() - n * interval '1 minute',"
                + " now() - n * interval '1 minute' + interval '3 seconds'"
                + " FROM streams, generate_series(1, 230) AS n WHERE id = '" + stream + "'");

        JsonNode runs =
                Json.read(same("runs", stream, "--json", "--limit", "1000").out());
        same("runs", stream, "--limit", "215");

        assertThat(runs).hasSize(230);
        assertThat(runs.get(0).path("created_at").asText())
                .isGreaterThan(runs.get(229).path("created_at").asText());
    }

    @Test
    void a_stream_unknown_or_of_another_organization_is_said_alike_both_ways() {
        String stream = aStream("Private");
        String otherKey = api.key("Other Org", KeyRole.VIEWER);
        String unknown = UUID.randomUUID().toString();

        for (String[] args : new String[][] {{"streams", "show", unknown}, {"runs", unknown}}) {
            AgentryRun local = api.local(args);
            AgentryRun remote = api.remote(viewer, args);
            assertThat(local.exitCode()).isEqualTo(1);
            assertThat(local.err()).isEqualTo("No stream " + unknown + ": agentry streams list shows them.\n");
            assertThat(remote.exitCode()).isEqualTo(1);
            assertThat(remote.err()).isEqualTo(local.err());
        }
        AgentryRun foreign = api.remote(otherKey, "streams", "show", stream);
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).isEqualTo("No stream " + stream + ": agentry streams list shows them.\n");
        assertThat(api.remote(otherKey, "streams", "list").out())
                .isEqualTo("No stream for the key's organization yet: agentry streams create NAME …\n");
        assertThat(api.remote(otherKey, "streams", "list", "--json").out()).isEqualTo("[]\n");
    }

    @Test
    void streams_create_through_the_server_prints_the_stream_as_on_the_database_and_its_goal_is_checked_alike() {
        String[] goal = {"--industry", "SaaS", "--location", "London", "--companies", "20", "--deadline", "2030-06-30"};
        AgentryRun local = api.local(concat(new String[] {"streams", "create", "Made", "--org", ORG}, goal));
        AgentryRun remote = api.remote(editor, concat(new String[] {"streams", "create", "Made"}, goal));
        AgentryRun localJson =
                api.local(concat(new String[] {"streams", "create", "Made", "--json", "--org", ORG}, goal));
        AgentryRun remoteJson = api.remote(editor, concat(new String[] {"streams", "create", "Made", "--json"}, goal));

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(withoutNewIds(remote.out())).isEqualTo(withoutNewIds(local.out()));
        assertThat(withoutTimes(withoutNewIds(remoteJson.out())))
                .isEqualTo(withoutTimes(withoutNewIds(localJson.out())));
        assertThat(Json.read(remoteJson.out()).path("goal_deadline").asText()).isEqualTo("2030-06-30T00:00:00Z");

        long streams = fixtures.count("SELECT count(*) FROM streams");
        for (String[] bad : new String[][] {
            {"streams", "create", "Bad", "--industry", "Basket Weaving", "--location", "Atlantis"},
            {"streams", "create", "Bad", "--criteria", "{\"industry\": [\"Basket Weaving\"], \"colour\": 1}"},
            {"streams", "create", " "}
        }) {
            AgentryRun refusedLocally = api.local(concat(bad, new String[] {"--org", ORG}));
            AgentryRun refusedRemotely = api.remote(editor, bad);
            assertThat(refusedLocally.exitCode()).isEqualTo(2);
            assertThat(refusedRemotely.exitCode()).isEqualTo(2);
            assertThat(refusedRemotely.err()).isEqualTo(refusedLocally.err());
        }
        assertThat(fixtures.count("SELECT count(*) FROM streams")).isEqualTo(streams);
    }

    private static String withoutTimes(String json) {
        return json.replaceAll("\"(created_at|updated_at)\":\"[^\"]+\"", "\"$1\":\"<t>\"");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
