package io.agentry.web;

import static io.agentry.web.ExecutionRows.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnalyticsRoutesTest {
    static ApiTestServer api;
    static Fixtures fixtures;
    static DataSource data;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        fixtures = new Fixtures(api.database);
        data = api.database.dataSource();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** An org of its own, so that each test counts its executions alone, and two agents. */
    record Org(ApiTestServer.Org org, UUID scout, UUID scorer) {
        ExecutionRows ofScout() {
            return anExecution(org.id(), scout);
        }

        ExecutionRows ofScorer() {
            return anExecution(org.id(), scorer);
        }

        JsonNode report(String query) {
            return org.viewer()
                    .get("/api/agents/analytics?" + query)
                    .expect(200)
                    .json();
        }
    }

    private static Org anOrg() {
        ApiTestServer.Org org = api.newOrg("org-" + UUID.randomUUID());
        return new Org(org, fixtures.agent(org.id(), "scout_agent"), fixtures.agent(org.id(), "scoring_agent"));
    }

    /** Scout: 100, 200, 300 ms completed and one failure; scorer: 1000 ms completed, one of each other status. */
    private static Org anOrgWithADaysWork() {
        Org org = anOrg();
        org.ofScout()
                .took(100)
                .metrics("{\"items_processed\": 5}")
                .createdAgo(Duration.ofHours(5))
                .insert(data);
        org.ofScout()
                .took(200)
                .metrics("{\"items_processed\": 7}")
                .createdAgo(Duration.ofHours(4))
                .insert(data);
        org.ofScout().took(300).createdAgo(Duration.ofHours(3)).insert(data);
        org.ofScout().failed("timeout").took(50).createdAgo(Duration.ofHours(2)).insert(data);
        org.ofScorer().took(1000).metrics("{\"items_processed\": 3}").insert(data);
        org.ofScorer().status("cancelled").insert(data);
        org.ofScorer().status("queued").took(null).insert(data);
        org.ofScorer().status("running").took(null).insert(data);
        org.ofScout().took(5000).createdAgo(Duration.ofHours(26)).insert(data);
        return org;
    }

    @Test
    void the_overview_counts_executions_by_status_with_their_durations_and_items() {
        Org org = anOrgWithADaysWork();
        ApiTestServer.Org other = api.newOrg("other-" + UUID.randomUUID());
        anExecution(other.id(), fixtures.agent(other.id(), "scout_agent")).insert(data);

        JsonNode report = org.report("timeRange=24h&metric=overview");
        assertThat(report.path("metric").asText()).isEqualTo("overview");
        assertThat(report.path("time_range").asText()).isEqualTo("24h");
        assertThat(Duration.between(
                        Instant.parse(report.path("from").asText()),
                        Instant.parse(report.path("to").asText())))
                .isEqualTo(Duration.ofHours(24));
        JsonNode overview = report.path("overview");
        assertThat(overview.path("executions").toString())
                .isEqualTo("{\"queued\":1,\"running\":1,\"completed\":4,\"failed\":1,\"cancelled\":1,\"total\":8}");
        assertThat(overview.path("success_rate").asDouble()).isEqualTo(0.8);
        assertThat(overview.path("avg_duration_ms").asLong()).isEqualTo(400);
        assertThat(overview.path("p95_duration_ms").asLong()).isEqualTo(895);
        assertThat(overview.path("items_processed").asLong()).isEqualTo(15);

        JsonNode week = org.report("timeRange=7d").path("overview");
        assertThat(week.at("/executions/completed").asLong()).isEqualTo(5);
        assertThat(week.at("/executions/total").asLong()).isEqualTo(9);
        assertThat(week.path("avg_duration_ms").asLong()).isEqualTo(1320);
        assertThat(week.path("success_rate").asDouble()).isEqualTo(5.0 / 6);
    }

    @Test
    void an_org_without_executions_has_zeros_and_no_rates() {
        JsonNode overview = anOrg().report("").path("overview");
        assertThat(overview.at("/executions/total").asLong()).isZero();
        assertThat(overview.path("success_rate").isNull()).isTrue();
        assertThat(overview.path("avg_duration_ms").isNull()).isTrue();
        assertThat(overview.path("items_processed").asLong()).isZero();
    }

    @Test
    void performance_is_per_agent() {
        Org org = anOrgWithADaysWork();
        JsonNode agents = org.report("metric=performance").path("performance");
        assertThat(agents).hasSize(2);
        JsonNode scout = byAgent(agents, org.scout());
        assertThat(scout.path("agent_name").asText()).isEqualTo("scout_agent agent");
        assertThat(scout.path("agent_type").asText()).isEqualTo("scout_agent");
        assertThat(scout.path("runs").asLong()).isEqualTo(4);
        assertThat(scout.path("completed").asLong()).isEqualTo(3);
        assertThat(scout.path("failed").asLong()).isEqualTo(1);
        assertThat(scout.path("success_rate").asDouble()).isEqualTo(0.75);
        assertThat(scout.path("avg_duration_ms").asLong()).isEqualTo(200);
        assertThat(scout.path("p95_duration_ms").asLong()).isEqualTo(290);
        JsonNode scorer = byAgent(agents, org.scorer());
        assertThat(scorer.path("runs").asLong()).isEqualTo(4);
        assertThat(scorer.path("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(scorer.path("p95_duration_ms").asLong()).isEqualTo(1000);
    }

    @Test
    void history_lists_the_newest_executions_first() {
        Org org = anOrg();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(
                    0,
                    org.ofScout()
                            .createdAgo(Duration.ofMinutes(40 - i))
                            .insert(data)
                            .toString());
        }
        org.ofScout().createdAgo(Duration.ofDays(2)).insert(data);
        JsonNode history = org.report("metric=history").path("history");
        List<String> ids = new ArrayList<>();
        history.forEach(entry -> ids.add(entry.path("id").asText()));
        assertThat(ids).containsExactlyElementsOf(made);
        assertThat(history.get(0).path("agent_name").asText()).isEqualTo("scout_agent agent");
        assertThat(history.get(0).path("duration_ms").asInt()).isEqualTo(100);
        assertThat(org.report("metric=history&limit=2").path("history")).hasSize(2);
    }

    @Test
    void errors_are_grouped_by_message_the_most_frequent_first() {
        Org org = anOrg();
        org.ofScout().failed("timeout").createdAgo(Duration.ofHours(3)).insert(data);
        org.ofScorer().failed("timeout").createdAgo(Duration.ofHours(1)).insert(data);
        org.ofScorer().failed("Companies House answered 503").insert(data);
        org.ofScout().failed("timeout").createdAgo(Duration.ofDays(3)).insert(data);
        org.ofScout().createdAgo(Duration.ofHours(1)).insert(data);

        JsonNode errors = org.report("metric=errors").path("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("error_message").asText()).isEqualTo("timeout");
        assertThat(errors.get(0).path("count").asLong()).isEqualTo(2);
        assertThat(errors.get(0).path("agent_ids")).hasSize(2);
        Instant lastSeen = Instant.parse(errors.get(0).path("last_seen_at").asText());
        assertThat(lastSeen)
                .isBetween(Instant.now().minusSeconds(3700), Instant.now().minusSeconds(3500));
        assertThat(errors.get(1).path("error_message").asText()).isEqualTo("Companies House answered 503");
        assertThat(errors.get(1).path("count").asLong()).isEqualTo(1);

        assertThat(org.report("metric=errors&timeRange=7d")
                        .at("/errors/0/count")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void the_timeseries_has_every_hour_of_the_day_empty_ones_included() {
        Org org = anOrg();
        UUID threeHoursAgo =
                org.ofScout().took(100).createdAgo(Duration.ofHours(3)).insert(data);
        UUID oneHourAgo = org.ofScout()
                .failed("boom")
                .took(40)
                .createdAgo(Duration.ofHours(1))
                .insert(data);

        JsonNode report = org.report("metric=timeseries&timeRange=24h");
        JsonNode buckets = report.path("timeseries");
        assertThat(buckets).hasSize(24);
        for (int i = 1; i < buckets.size(); i++) {
            assertThat(Duration.between(start(buckets.get(i - 1)), start(buckets.get(i))))
                    .isEqualTo(Duration.ofHours(1));
        }
        assertThat(start(buckets.get(0)))
                .isEqualTo(Instant.parse(report.path("from").asText()));
        assertThat(Instant.parse(report.path("to").asText()))
                .isBetween(start(buckets.get(23)), start(buckets.get(23)).plusSeconds(3600));

        JsonNode completed = bucket(buckets, hourOf(threeHoursAgo));
        assertThat(completed.path("executions").asLong()).isEqualTo(1);
        assertThat(completed.path("completed").asLong()).isEqualTo(1);
        assertThat(completed.path("failed").asLong()).isZero();
        assertThat(completed.path("avg_duration_ms").asLong()).isEqualTo(100);

        JsonNode empty = bucket(buckets, hourOf(threeHoursAgo).plusSeconds(3600));
        assertThat(empty.path("executions").asLong()).isZero();
        assertThat(empty.path("completed").asLong()).isZero();
        assertThat(empty.path("failed").asLong()).isZero();
        assertThat(empty.path("avg_duration_ms").isNull()).isTrue();

        JsonNode failed = bucket(buckets, hourOf(oneHourAgo));
        assertThat(failed.path("failed").asLong()).isEqualTo(1);
        assertThat(failed.path("avg_duration_ms").isNull())
                .as("durations are of completed executions")
                .isTrue();

        long total = 0;
        for (JsonNode bucket : buckets) {
            total += bucket.path("executions").asLong();
        }
        assertThat(total).isEqualTo(2);
    }

    @Test
    void over_a_week_the_timeseries_is_daily() {
        Org org = anOrg();
        UUID threeDaysAgo =
                org.ofScout().took(300).createdAgo(Duration.ofDays(3)).insert(data);
        JsonNode buckets = org.report("metric=timeseries&timeRange=7d").path("timeseries");
        assertThat(buckets).hasSize(7);
        assertThat(Duration.between(start(buckets.get(0)), start(buckets.get(1))))
                .isEqualTo(Duration.ofDays(1));
        assertThat(bucket(buckets, truncated("day", threeDaysAgo))
                        .path("completed")
                        .asLong())
                .isEqualTo(1);
        assertThat(org.report("metric=timeseries&timeRange=30d").path("timeseries"))
                .hasSize(30);
    }

    @Test
    void costs_are_what_the_agents_reported_and_zero_when_they_reported_none() {
        Org org = anOrg();
        org.ofScout().metrics("{\"cost_usd\": 0.25, \"tokens_used\": 1000}").insert(data);
        org.ofScout()
                .failed("boom")
                .metrics("{\"cost_usd\": 0.5, \"tokens_used\": 3000}")
                .insert(data);
        org.ofScorer().insert(data);

        JsonNode costs = org.report("metric=costs").path("costs");
        assertThat(costs.at("/total/cost_usd").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(costs.at("/total/tokens_used").asLong()).isEqualTo(4000);
        assertThat(costs.at("/total/executions").asLong()).isEqualTo(3);
        assertThat(costs.at("/total/executions_reporting_cost").asLong()).isEqualTo(2);
        JsonNode agents = costs.path("agents");
        assertThat(agents).hasSize(2);
        assertThat(agents.get(0).path("agent_id").asText())
                .isEqualTo(org.scout().toString());
        JsonNode scorer = byAgent(agents, org.scorer());
        assertThat(scorer.path("cost_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(scorer.path("tokens_used").asLong()).isZero();
        assertThat(scorer.path("executions_reporting_cost").asLong()).isZero();

        JsonNode none = anOrg().report("metric=costs").path("costs");
        assertThat(none.at("/total/cost_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(none.at("/total/executions").asLong()).isZero();
        assertThat(none.path("agents")).isEmpty();
    }

    @Test
    void bad_parameters_are_refused_naming_them() {
        ApiClient viewer = anOrg().org().viewer();
        AgentRoutesTest.field(viewer.get("/api/agents/analytics?timeRange=1y"), "timeRange");
        AgentRoutesTest.field(viewer.get("/api/agents/analytics?metric=revenue"), "metric");
        AgentRoutesTest.field(viewer.get("/api/agents/analytics?metric=history&limit=x"), "limit");
        api.anonymous().get("/api/agents/analytics").expectError(401, "unauthorized");
    }

    private static JsonNode byAgent(JsonNode agents, UUID agent) {
        for (JsonNode row : agents) {
            if (row.path("agent_id").asText().equals(agent.toString())) {
                return row;
            }
        }
        throw new AssertionError("no row for agent " + agent + " in " + agents);
    }

    private static Instant start(JsonNode bucket) {
        return Instant.parse(bucket.path("start").asText());
    }

    private static Instant hourOf(UUID execution) {
        return truncated("hour", execution);
    }

    /** The start of the UTC hour or day the execution was created in. */
    private static Instant truncated(String unit, UUID execution) {
        return Instant.ofEpochSecond(fixtures.count("SELECT extract(epoch FROM date_trunc('" + unit
                + "', created_at, 'UTC'))::bigint FROM agent_executions WHERE id = '" + execution + "'"));
    }

    private static JsonNode bucket(JsonNode buckets, Instant start) {
        for (JsonNode bucket : buckets) {
            if (start(bucket).equals(start)) {
                return bucket;
            }
        }
        throw new AssertionError("no bucket starting " + start + " in " + buckets);
    }
}
