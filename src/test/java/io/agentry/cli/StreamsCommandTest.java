package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import io.agentry.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code agentry streams}, as a user runs it. */
class StreamsCommandTest {
    private static Database database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void a_stream_created_with_flags_is_listed_and_shown_with_its_goal_and_progress() {
        AgentryRun created = agentry(
                "streams",
                "create",
                "UK SaaS",
                "--org",
                "Northwind Sales",
                "--industry",
                "SaaS",
                "--industry",
                "FinTech",
                "--location",
                "UK",
                "--location",
                "Ireland",
                "--employees",
                "10-500",
                "--companies",
                "50",
                "--min-quality",
                "4.0");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out())
                .startsWith("Created stream ")
                .contains("UK SaaS", "Next: agentry run opportunity_bot");
        String id = created.out()
                .substring("Created stream ".length(), created.out().indexOf(':'));

        AgentryRun listed = agentry("streams", "list", "--org", "Northwind Sales");
        assertThat(listed.out()).contains(id, "UK SaaS", "not_started", "0/50 (0%)");

        AgentryRun shown = agentry("streams", "show", id, "--json");
        JsonNode report = Json.read(shown.out());
        assertThat(report.path("stream").path("goal_criteria").path("industry"))
                .extracting(JsonNode::asText)
                .containsExactly("SaaS", "FinTech");
        assertThat(report.path("stream")
                        .path("goal_criteria")
                        .path("employee_count")
                        .path("min")
                        .asInt())
                .isEqualTo(10);
        assertThat(report.path("stream")
                        .path("target_metrics")
                        .path("min_quality_score")
                        .asDouble())
                .isEqualTo(4.0);
        assertThat(report.path("progress").path("total").asInt()).isEqualTo(50);
        assertThat(report.path("progress").path("goal_status").asText()).isEqualTo("not_started");
    }

    @Test
    void another_orgs_streams_are_not_listed() {
        agentry("streams", "create", "Theirs", "--org", "Other Org");

        assertThat(agentry("streams", "list", "--org", "Nobody Yet").out())
                .startsWith("No stream for organization 'Nobody Yet' yet");
        assertThat(agentry("streams", "list", "--org", "Northwind Sales").out()).doesNotContain("Theirs");
    }

    @Test
    void a_bad_goal_is_refused_naming_each_flag_and_nothing_is_written() {
        long before = streams();

        AgentryRun run = agentry("streams", "create", "Bad", "--industry", "Basket Weaving", "--employees", "500-10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--industry: unknown industry \"Basket Weaving\"", "SaaS")
                .contains("--employees: min (500) is greater than max (10)");
        assertThat(streams()).isEqualTo(before);
    }

    @Test
    void a_goal_given_as_json_is_checked_with_its_json_fields() {
        AgentryRun run = agentry(
                "streams",
                "create",
                "Bad",
                "--criteria",
                "{\"industry\": \"SaaS\", \"sector\": 1}",
                "--targets",
                "{\"companies_to_find\": 0}");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("goal_criteria.sector: unknown key; the keys are employee_count, industry, location, revenue")
                .contains("target_metrics.companies_to_find: must be a whole number between 1 and 10000, was 0");
    }

    @Test
    void a_malformed_range_or_json_or_both_kinds_of_goal_are_refused() {
        assertThat(agentry("streams", "create", "X", "--employees", "ten").err())
                .contains("--employees must be MIN-MAX in whole numbers (10-500, 10- or -500), was ten");
        assertThat(agentry("streams", "create", "X", "--criteria", "{oops").err())
                .contains("--criteria: not valid JSON");
        assertThat(agentry("streams", "create", "X", "--criteria", "{}", "--industry", "SaaS")
                        .err())
                .contains("--criteria: give the criteria as JSON or as --industry");
    }

    @Test
    void an_unknown_stream_is_said_plainly_and_a_malformed_id_is_a_usage_error() {
        AgentryRun unknown = agentry("streams", "show", UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("agentry streams list shows them");

        AgentryRun malformed = agentry("streams", "show", "42");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("ID must be a stream id");
    }

    @Test
    void run_works_a_stream_through_the_queue_and_shows_what_happened_and_the_top_companies() {
        assertThat(agentry("import", "companies-house", "--sample").exitCode()).isZero();
        AgentryRun created = agentry(
                "streams",
                "create",
                "Seed goal",
                "--org",
                "Runner Org",
                "--industry",
                "SaaS",
                "--industry",
                "FinTech",
                "--location",
                "UK",
                "--location",
                "Ireland",
                "--employees",
                "10-500",
                "--companies",
                "20",
                "--min-quality",
                "4.0");
        String id = created.out()
                .substring("Created stream ".length(), created.out().indexOf(':'));

        AgentryRun discovery = agentry("run", "opportunity_bot", "--stream", id, "--top", "3");

        assertThat(discovery.exitCode()).as(discovery.err()).isZero();
        assertThat(discovery.out())
                .contains("Running opportunity_bot on stream \"Seed goal\"")
                .contains("opportunity_bot: Searching the catalogue for SaaS, FinTech in UK, Ireland")
                .contains("milestone: Goal reached: 20 qualified companies")
                .contains("opportunity_bot completed after 1 attempt(s)")
                .contains("\"items_created\":20")
                .contains("Top companies:", "SCORE", "PRIORITY", "WHY");

        AgentryRun scoring = agentry("run", "scoring_agent", "--stream", id, "--json");

        assertThat(scoring.exitCode()).as(scoring.err()).isZero();
        JsonNode result = Json.read(scoring.out());
        assertThat(result.path("execution").path("status").asText()).isEqualTo("completed");
        assertThat(result.path("execution")
                        .path("output_data")
                        .path("items_updated")
                        .asInt())
                .isEqualTo(20);
        assertThat(result.path("items")).hasSize(10);
        assertThat(result.path("items").get(0).path("position").asInt()).isEqualTo(1);
    }

    @Test
    void run_refuses_an_unknown_agent_type_naming_the_known_ones() {
        AgentryRun run =
                agentry("run", "writer_bot", "--stream", UUID.randomUUID().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("AGENT_TYPE: unknown agent type 'writer_bot'; the agent types are opportunity_bot, "
                        + "enrichment_agent, scoring_agent, scout_agent");
    }

    private static long streams() {
        return Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM streams")) {
                rs.next();
                return rs.getLong(1);
            }
        });
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
