package io.agentry.agents;

import static io.agentry.testing.TestCompany.aCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Insight;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.stream.InvalidGoalException;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.RecordingStreamSink;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpportunityBotTest {
    private static final String CRITERIA =
            "{\"industry\": [\"SaaS\", \"FinTech\"], \"location\": [\"UK\", \"Ireland\"],"
                    + " \"employee_count\": {\"min\": 10, \"max\": 500}}";

    private static Database database;
    private static Fixtures fixtures;

    private UUID org;
    private UUID agent;
    private UUID stream;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void aCatalogueAndAStream() {
        fixtures.execute("TRUNCATE companies, sic_codes, stream_items, buying_signals CASCADE");
        aCompany("MEDIUM SOFTWARE LTD").medium().insert(database.dataSource());
        aCompany("SMALL PAYMENTS LTD").sic("64999").inBelfast().insert(database.dataSource());
        aCompany("MICRO SOFTWARE LTD").micro().insert(database.dataSource());
        aCompany("BAKERY LTD").sic("10710").medium().insert(database.dataSource());
        org = fixtures.organization();
        agent = fixtures.agent(org, OpportunityBot.TYPE);
        stream = TestStreams.aStream(
                database.dataSource(), org, CRITERIA, "{\"companies_to_find\": 2, \"min_quality_score\": 4.0}");
    }

    @Test
    void adds_the_qualified_companies_and_reports_the_seeds_output_keys() throws Exception {
        AgentRun run = run(null, UUID.randomUUID(), 1, new RecordingStreamSink());

        assertThat(run.result().success()).isTrue();
        assertThat(fieldNames(run.output()))
                .containsExactly(
                        "companies_found",
                        "items_created",
                        "qualified_count",
                        "avg_quality_score",
                        "high_quality_count",
                        "signals_detected");
        assertThat(run.output().path("companies_found").asInt()).isEqualTo(2);
        assertThat(run.output().path("items_created").asInt()).isEqualTo(2);
        assertThat(run.output().path("qualified_count").asInt()).isEqualTo(2);
        assertThat(run.output().path("avg_quality_score").asDouble()).isEqualTo(4.67);
        assertThat(run.output().path("high_quality_count").asInt()).isEqualTo(2);
        assertThat(run.metrics().path("items_processed").asLong()).isEqualTo(2);
        assertThat(run.metrics().path("tokens_used").asLong()).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM stream_items WHERE stream_id = '" + stream + "'"))
                .isEqualTo(2);
    }

    @Test
    void detects_a_recent_filing_of_a_company_it_adds_once_however_often_it_runs() throws Exception {
        fixtures.execute("TRUNCATE companies, stream_items, buying_signals CASCADE");
        LocalDate lastMonth = LocalDate.ofInstant(AgentRun.NOW, ZoneOffset.UTC).minusDays(30);
        aCompany("FRESH ACCOUNTS LTD").medium().accounts("MEDIUM", lastMonth).insert(database.dataSource());
        aCompany("OLD ACCOUNTS LTD")
                .medium()
                .accounts("MEDIUM", lastMonth.minusYears(2))
                .insert(database.dataSource());

        AgentRun first = run(null, UUID.randomUUID(), 1, new RecordingStreamSink());
        AgentRun second = run(null, UUID.randomUUID(), 1, new RecordingStreamSink());

        assertThat(first.output().path("signals_detected").asInt()).isEqualTo(1);
        assertThat(second.output().path("signals_detected").asInt()).isZero();
        assertThat(fixtures.count("""
                        SELECT count(*) FROM buying_signals s JOIN companies c ON c.id = s.company_id
                        WHERE c.name = 'FRESH ACCOUNTS LTD' AND s.signal_type = 'companies_house_filing'
                          AND s.detected_by = 'opportunity_bot'""")).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM buying_signals")).isEqualTo(1);
    }

    @Test
    void reports_its_start_its_end_an_insight_and_the_progress() throws Exception {
        RecordingStreamSink sink = new RecordingStreamSink();

        run(null, UUID.randomUUID(), 1, sink);

        assertThat(sink.activityKeys()).containsExactly("started", "completed");
        assertThat(sink.insights()).singleElement().satisfies(insight -> {
            assertThat(insight.type()).isEqualTo(Insight.Type.QUALITY_ASSESSMENT);
            assertThat(insight.dedupeKey()).isEqualTo("discovery:qualified:2/2");
            assertThat(insight.title()).isEqualTo("The stream has its 2 qualified companies");
        });
        assertThat(sink.progressPublished()).isEqualTo(1);
    }

    @Test
    void a_retried_attempt_duplicates_nothing() throws Exception {
        UUID execution = UUID.randomUUID();
        RecordingStreamSink sink = new RecordingStreamSink();

        AgentRun first = run(null, execution, 1, sink);
        AgentRun retry = run(null, execution, 2, sink);

        assertThat(fixtures.count("SELECT count(*) FROM stream_items WHERE stream_id = '" + stream + "'"))
                .isEqualTo(2);
        assertThat(retry.output()).isEqualTo(first.output());
        assertThat(retry.metrics().path("items_processed").asLong()).isZero();
        assertThat(sink.insights()).hasSize(1);
    }

    @Test
    void warns_when_the_catalogue_cannot_meet_the_target() throws Exception {
        RecordingStreamSink sink = new RecordingStreamSink();
        JsonNode goal = Json.read("{\"goal_criteria\": " + CRITERIA
                + ", \"target_metrics\": {\"companies_to_find\": 10, \"min_quality_score\": 4.0}}");

        AgentRun run = run(goal, UUID.randomUUID(), 1, sink);

        assertThat(run.output().path("qualified_count").asInt()).isEqualTo(2);
        assertThat(sink.insights()).singleElement().satisfies(insight -> {
            assertThat(insight.type()).isEqualTo(Insight.Type.RISK_ALERT);
            assertThat(insight.dedupeKey()).isEqualTo("discovery:shortfall:2/10");
            assertThat(insight.actionable()).isTrue();
            assertThat(insight.description())
                    .isEqualTo("The catalogue holds no other active company in SaaS, FinTech in UK, Ireland,"
                            + " 10–500 employees scoring 4.0 or more. Widen the industries or places, or lower"
                            + " min_quality_score.");
        });
    }

    @Test
    void a_task_without_a_stream_fails() {
        assertThatThrownBy(() -> AgentRun.of(
                        new OpportunityBot(ReferenceData.bundled()),
                        OpportunityBot.TYPE,
                        database,
                        org,
                        agent,
                        null,
                        null,
                        null,
                        1,
                        new RecordingStreamSink()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opportunity_bot works on a stream: the task's payload has no stream_id");
    }

    @Test
    void a_goal_naming_an_unknown_industry_fails_and_adds_nothing() {
        JsonNode goal = Json.read("{\"goal_criteria\": {\"industry\": [\"Basket Weaving\"]}}");

        assertThatThrownBy(() -> run(goal, UUID.randomUUID(), 1, new RecordingStreamSink()))
                .isInstanceOf(InvalidGoalException.class)
                .hasMessageStartingWith("goal_criteria.industry[0]: unknown industry \"Basket Weaving\"");
        assertThat(fixtures.count("SELECT count(*) FROM stream_items")).isZero();
    }

    private AgentRun run(JsonNode goal, UUID execution, int attempt, RecordingStreamSink sink) throws Exception {
        return AgentRun.of(
                new OpportunityBot(ReferenceData.bundled()),
                OpportunityBot.TYPE,
                database,
                org,
                agent,
                stream,
                goal,
                execution,
                attempt,
                sink);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
