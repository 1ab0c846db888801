package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.key.ApiKeys;
import io.agentry.key.KeyHolder;
import io.agentry.key.KeyRole;
import io.agentry.org.Organizations;
import io.agentry.stream.RankedItem;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamItems;
import io.agentry.stream.Streams;
import io.agentry.support.Json;
import io.agentry.testing.TestDatabase;
import io.agentry.workflow.RunStep;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.WorkflowRuns;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agentry demo}, run twice on one fresh database, as a newcomer would: the first run sets
 * everything up and works the stream; the second reuses it all and starts a new run. The output is
 * not a terminal here, so it is the quiet kind.
 */
class DemoCommandTest {
    private static Database database;
    private static AgentryRun first;
    private static AgentryRun second;
    private static Set<UUID> itemsAfterFirst;
    private static UUID orgId;
    private static Stream stream;

    @BeforeAll
    static void run_the_demo_twice() {
        database = TestDatabase.fresh();
        first = demo();
        orgId = new Organizations(database.dataSource()).find("demo").orElseThrow();
        stream = new Streams(database.dataSource(), ReferenceData.bundled())
                .list(orgId, 10)
                .get(0);
        itemsAfterFirst = itemIds();
        second = demo();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void the_first_demo_completes_and_says_its_data_is_synthetic_and_its_sites_served_locally() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("SYNTHETIC sample data")
                .contains("3,000 synthetic sample companies (Companies House format): imported (3,000 new")
                .contains("60 websites of sample companies: imported")
                .contains("are served locally by this process on http://127.0.0.1:")
                .contains("Org \"demo\": created")
                .contains("Agents: OpportunityBot -> EnrichmentAgent -> ScoringAgent, auto-execute on: assigned")
                .contains("Stream \"" + DemoSetup.STREAM + "\" " + stream.id() + ": created");
    }

    @Test
    void the_goal_is_the_seeds_example() {
        assertThat(stream.goalCriteria())
                .isEqualTo(Json.read("{\"industry\": [\"SaaS\", \"FinTech\"], \"location\": [\"UK\", \"Ireland\"], "
                        + "\"employee_count\": {\"min\": 10, \"max\": 500}}"));
        assertThat(stream.targetMetrics().path("companies_to_find").asInt()).isEqualTo(50);
        assertThat(stream.targetMetrics().path("min_quality_score").asDouble()).isEqualTo(4.0);
    }

    @Test
    void each_run_completes_with_the_three_agents_completed_in_dependency_order() {
        List<WorkflowRun> runs = new WorkflowRuns(database.dataSource()).list(orgId, stream.id(), 10);

        assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(run.status()).isEqualTo("completed"));
        for (WorkflowRun run : runs) {
            List<RunStep> steps = new WorkflowRuns(database.dataSource()).steps(orgId, run.id());
            assertThat(steps)
                    .extracting(RunStep::agentType)
                    .containsExactly("opportunity_bot", "enrichment_agent", "scoring_agent");
            assertThat(steps).allSatisfy(step -> assertThat(step.status()).isEqualTo("completed"));
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i).startedAt())
                        .isAfterOrEqualTo(steps.get(i - 1).completedAt());
            }
        }
    }

    @Test
    void live_lines_say_which_agent_runs_what_it_did_and_the_progress() {
        assertThat(first.out())
                .containsPattern("\\[ *\\d+\\.\\ds\\] OpportunityBot \\(opportunity_bot\\) started")
                .containsPattern("OpportunityBot \\(opportunity_bot\\) completed in .*: 50 new companies on the stream")
                .containsPattern("EnrichmentAgent \\(enrichment_agent\\) completed in .*websites: [1-9]\\d* analysed")
                .containsPattern("ScoringAgent \\(scoring_agent\\) completed in .*: 50 companies scored")
                .containsPattern(
                        "progress \\(scores: discovery's fit for new companies\\): \\d+ of 50 at 4.0 or more \\(\\d+%\\)")
                .containsPattern("progress \\(scores: quality\\): \\d+ of 50 at 4.0 or more \\(\\d+%\\)");
        assertThat(first.out().indexOf("OpportunityBot (opportunity_bot) started"))
                .isLessThan(first.out().indexOf("EnrichmentAgent (enrichment_agent) started"));
        assertThat(first.out().indexOf("EnrichmentAgent (enrichment_agent) started"))
                .isLessThan(first.out().indexOf("ScoringAgent (scoring_agent) started"));
    }

    @Test
    void the_sample_websites_were_analysed_through_the_local_server() {
        assertThat(count("SELECT count(*) FROM companies WHERE enrichment -> 'website' ->> 'status' = 'ok'"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM companies WHERE enrichment -> 'website' ->> 'status' = 'failed'"))
                .isZero();
    }

    @Test
    void the_stream_is_ranked_by_the_scoring_agents_quality() {
        List<RankedItem> items = new StreamItems(database.dataSource()).ranked(stream.id(), 1000);

        assertThat(items).hasSizeGreaterThanOrEqualTo(50);
        assertThat(items).extracting(RankedItem::position).doesNotContainNull();
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).position()).isEqualTo(i + 1);
            assertThat(items.get(i).qualityScore()).isBetween(0.0, 5.0);
        }
        assertThat(items).extracting(RankedItem::qualityScore).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(count("SELECT count(*) FROM stream_items WHERE stream_id = '" + stream.id()
                        + "' AND metadata ->> 'scored_by' <> 'scoring_agent'"))
                .isZero();
    }

    @Test
    void the_end_shows_the_steps_the_top_companies_the_goal_the_insights_and_what_to_do_next() {
        assertThat(first.out())
                .containsPattern("Run [0-9a-f-]{36} \\(manual, started [^)]+\\): completed in ")
                .contains("Run steps:", "AGENT", "STATUS", "DURATION")
                .containsPattern("opportunity_bot +completed +1 ")
                .containsPattern("enrichment_agent +completed +1 ")
                .containsPattern("scoring_agent +completed +1 ")
                .contains("Top companies of \"" + DemoSetup.STREAM + "\" (synthetic sample data):")
                .contains("SCORE", "PRIORITY", "COMPANY", "WHY")
                .contains("Goal: 50 companies at quality 4.0 or more, counted on the ScoringAgent's quality.")
                .contains("Latest insights:")
                .contains("Where to look next:")
                .contains("agentry streams show " + stream.id())
                .contains("agentry runs " + stream.id())
                .contains("agentry serve")
                .contains("docs/demo.md")
                .contains("Demo finished in ");
    }

    @Test
    void the_end_prints_a_working_key_of_the_demo_org_and_the_api_url() {
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile(
                        "curl -H \"Authorization: Bearer (agk_[A-Za-z0-9_-]+)\" http://127\\.0\\.0\\.1:8080/api/streams/"
                                + stream.id())
                .matcher(first.out());
        assertThat(printed.find()).as(first.out()).isTrue();
        KeyHolder holder = new ApiKeys(database.dataSource())
                .authenticate(printed.group(1))
                .orElseThrow();
        assertThat(holder.orgId()).isEqualTo(orgId);
        assertThat(holder.role()).isEqualTo(KeyRole.ADMIN);
        assertThat(second.out()).doesNotContain(printed.group(1));
    }

    @Test
    void a_second_demo_says_what_it_reused_and_adds_no_duplicate_item() {
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out())
                .contains("3,000 synthetic sample companies (Companies House format): already in the catalogue, reused")
                .contains("60 websites of sample companies: already in the catalogue, reused")
                .contains("Org \"demo\": already there, reused")
                .contains("auto-execute on: already assigned, reused")
                .contains("Stream \"" + DemoSetup.STREAM + "\" " + stream.id() + ": already there, reused")
                .contains("Top companies of");
        assertThat(count("SELECT count(*) FROM streams WHERE name = '" + DemoSetup.STREAM + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM stream_agent_assignments WHERE stream_id = '" + stream.id() + "'"))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) - count(DISTINCT company_id) FROM stream_items WHERE stream_id = '"
                        + stream.id() + "'"))
                .isZero();
        assertThat(itemIds()).containsAll(itemsAfterFirst);
    }

    @Test
    void a_bad_flag_is_refused_before_any_database_is_created(@TempDir Path dir) {
        Path dataDir = dir.resolve("never-created");

        AgentryRun top = AgentryRun.of("demo", "--top", "0", "--data-dir", dataDir.toString());
        AgentryRun timeout = AgentryRun.of("demo", "--timeout", "1s", "--data-dir", dataDir.toString());

        assertThat(top.exitCode()).isEqualTo(2);
        assertThat(top.err()).contains("--top must be between 1 and 1000, was 0");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout must be between 10s and 1h, was 1s");
        assertThat(dataDir).doesNotExist();
    }

    private static Set<UUID> itemIds() {
        return new StreamItems(database.dataSource())
                .ranked(stream.id(), 10_000).stream().map(RankedItem::id).collect(Collectors.toSet());
    }

    private static long count(String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static AgentryRun demo() {
        List<String> args = new ArrayList<>(List.of(
                "demo",
                "--database-url",
                database.url(),
                "--database-user",
                database.user(),
                "--database-password",
                database.password()));
        return AgentryRun.of(args.toArray(String[]::new));
    }
}
