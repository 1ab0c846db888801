package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.agents.BuiltInAgents;
import io.agentry.company.reference.ReferenceData;
import io.agentry.key.KeyRole;
import io.agentry.support.Clock;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code agentry workflow run} through a running server, whose node carries the run out with the
 * built-in agents while the command follows it.
 */
class RemoteWorkflowRunTest {
    private static final String ORG = "Workflow Org";

    private static BuiltInAgents agents;
    private static TestServer api;
    private static String editor;

    @BeforeAll
    static void start() {
        agents = BuiltInAgents.fromEnvironment(ReferenceData.bundled(), Clock.system());
        api = new TestServer(TestDatabase.fresh(), agents.registry());
        AgentryRun imported = api.local("import", "companies-house", "--sample");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        editor = api.key(ORG, KeyRole.EDITOR);
        api.runner.start();
    }

    @AfterAll
    static void stop() {
        api.close();
        agents.close();
        api.database.close();
    }

    private static String aStream(String name) {
        AgentryRun created = api.local(
                "streams", "create", name, "--org", ORG, "--industry", "SaaS", "--location", "UK", "--companies", "10");
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.out().substring("Created stream ".length(), created.out().indexOf(':'));
    }

    private static String aChain(String name) {
        String stream = aStream(name);
        assertThat(api.local("streams", "assign", stream, "opportunity_bot").exitCode())
                .isZero();
        assertThat(api.local(
                                "streams",
                                "assign",
                                stream,
                                "scoring_agent",
                                "--depends-on",
                                "opportunity_bot",
                                "--auto-execute")
                        .exitCode())
                .isZero();
        return stream;
    }

    @Test
    void a_run_through_the_server_is_followed_to_its_end_and_reported_as_on_the_database() {
        String stream = aChain("Followed");

        AgentryRun run = api.remote(editor, "workflow", "run", stream, "--top", "3");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out())
                .startsWith("Started run ")
                .contains("of stream \"Followed\"\n")
                .containsPattern("\\[ *\\d+\\.\\ds] opportunity_bot \\(opportunity_bot\\) started\n")
                .contains("(opportunity_bot) completed in ")
                .contains("(scoring_agent) completed in ");
        assertThat(run.out().indexOf("(opportunity_bot) completed"))
                .isLessThan(run.out().indexOf("(scoring_agent) started"));
        String runs = api.local("runs", stream, "--limit", "1").out();
        String shown = api.local("streams", "show", stream, "--top", "3").out();
        assertThat(runs).contains("(api, started ").contains(": completed in ");
        assertThat(run.out()).endsWith("\n" + runs + shown.substring(0, shown.indexOf("\nWorkflow:\n")));
    }

    @Test
    void a_detached_run_is_started_through_the_server_and_said_as_on_the_database() {
        String stream = aChain("Detached");

        AgentryRun remote = api.remote(editor, "workflow", "run", stream, "--detach");
        AgentryRun local = api.local("workflow", "run", stream, "--detach");

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        String said = "Started run <id> of stream \"Detached\"\nA running node (agentry serve) carries it out; "
                + "agentry runs " + stream + " shows how it goes.\n";
        assertThat(remote.out().replaceFirst("run [0-9a-f-]{36}", "run <id>")).isEqualTo(said);
        assertThat(local.out().replaceFirst("run [0-9a-f-]{36}", "run <id>")).isEqualTo(said);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> new Fixtures(api.database)
                                .count("SELECT count(*) FROM workflow_runs WHERE status = 'completed' AND stream_id = '"
                                        + stream + "'")
                        == 2);
    }

    @Test
    void a_stream_with_nothing_to_start_is_refused_alike_both_ways() {
        String stream = aStream("Empty");

        AgentryRun local = api.local("workflow", "run", stream);
        AgentryRun remote = api.remote(editor, "workflow", "run", stream);

        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err()).startsWith("agentry workflow run: the stream has no active assigned agent");
        assertThat(remote.exitCode()).isEqualTo(2);
        assertThat(remote.err()).isEqualTo(local.err());
    }
}
