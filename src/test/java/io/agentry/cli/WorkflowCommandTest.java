package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Database;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code agentry streams assign}, {@code workflow run} and {@code runs}, as a user runs them. */
class WorkflowCommandTest {
    private static Database database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        assertThat(agentry("import", "companies-house", "--sample").exitCode()).isZero();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private static String aStream(String org) {
        AgentryRun created = agentry(
                "streams",
                "create",
                "Chain",
                "--org",
                org,
                "--industry",
                "SaaS",
                "--location",
                "UK",
                "--employees",
                "10-500",
                "--companies",
                "10");
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.out().substring("Created stream ".length(), created.out().indexOf(':'));
    }

    @Test
    void discovery_then_scoring_runs_by_itself_and_the_runs_are_listed() {
        String stream = aStream("Chain Org");
        assertThat(agentry("streams", "assign", stream, "opportunity_bot", "--role", "primary", "--order", "1")
                        .exitCode())
                .isZero();
        AgentryRun assigned = agentry(
                "streams",
                "assign",
                stream,
                "scoring_agent",
                "--depends-on",
                "opportunity_bot",
                "--auto-execute",
                "--role",
                "scoring",
                "--order",
                "2");
        assertThat(assigned.exitCode()).as(assigned.err()).isZero();
        assertThat(assigned.out()).contains("opportunity_bot", "scoring_agent", "scoring");

        AgentryRun run = agentry("workflow", "run", stream, "--top", "3");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out())
                .contains("Started run ")
                .contains("(opportunity_bot) completed")
                .contains("(scoring_agent) completed")
                .contains(": completed in")
                .contains("Top companies:");
        assertThat(run.out().indexOf("(opportunity_bot) completed"))
                .isLessThan(run.out().indexOf("(scoring_agent) completed"));

        AgentryRun runs = agentry("runs", stream, "--json");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        JsonNode list = Json.read(runs.out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("status").asText()).isEqualTo("completed");
        assertThat(list.get(0).path("trigger").asText()).isEqualTo("manual");
        assertThat(list.get(0).path("steps"))
                .extracting(step -> step.path("agent_type").asText() + ":"
                        + step.path("status").asText())
                .containsExactly("opportunity_bot:completed", "scoring_agent:completed");

        AgentryRun reassigned = agentry("streams", "assign", stream, "scoring_agent");
        assertThat(reassigned.out()).containsPattern("scoring_agent +scoring +yes +yes +opportunity_bot +1 +1 ");

        AgentryRun shown = agentry("streams", "show", stream);
        assertThat(shown.out())
                .contains("Workflow:")
                .containsPattern("opportunity_bot +primary +yes +no +1 +1 ")
                .contains("Latest: Run " + list.get(0).path("id").asText() + " (manual");
        JsonNode report = Json.read(agentry("streams", "show", stream, "--json").out());
        assertThat(report.path("assignments")).hasSize(2);
        assertThat(report.path("latest_run").path("status").asText()).isEqualTo("completed");
    }

    @Test
    void a_cycle_is_refused_naming_the_flag_and_the_cycle_and_nothing_changes() {
        String stream = aStream("Cycle Org");
        agentry("streams", "assign", stream, "opportunity_bot");
        agentry("streams", "assign", stream, "enrichment_agent", "--depends-on", "opportunity_bot");

        AgentryRun cycle = agentry("streams", "assign", stream, "opportunity_bot", "--depends-on", "enrichment_agent");

        assertThat(cycle.exitCode()).isEqualTo(2);
        assertThat(cycle.err())
                .contains("--depends-on: the dependencies would make a cycle: opportunity_bot")
                .contains("depends on enrichment_agent");
        assertThat(new Fixtures(database)
                        .count(
                                "SELECT count(*) FROM stream_agent_assignments WHERE cardinality(depends_on_agent_ids) > 0"
                                        + " AND stream_id = '" + stream + "'"))
                .isEqualTo(1);

        AgentryRun unassigned = agentry("streams", "assign", stream, "scoring_agent", "--depends-on", "scout_agent");
        assertThat(unassigned.exitCode()).isEqualTo(2);
        assertThat(unassigned.err()).contains("--depends-on: agent ").contains("is not assigned to this stream");

        AgentryRun badType = agentry("streams", "assign", stream, "writer_bot");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("AGENT: 'writer_bot' is neither an agent id nor an agent type");
    }

    @Test
    void a_workflow_run_of_a_stream_without_assignments_says_what_to_do() {
        String stream = aStream("Empty Org");

        AgentryRun run = agentry("workflow", "run", stream);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("assign agents first");
        assertThat(agentry("runs", stream).out()).contains("No run of this stream yet");
    }

    private static AgentryRun agentry(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--database-url", database.url(),
                "--database-user", database.user(),
                "--database-password", database.password()));
        return AgentryRun.of(all.toArray(String[]::new));
    }
}
