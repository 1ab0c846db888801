package io.agentry.agents;

import static io.agentry.testing.TestCompany.aCompany;
import static io.agentry.testing.TestCompany.aCompanyWithNothing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Insight;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.testing.Fixtures;
import io.agentry.testing.RecordingStreamSink;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoringAgentTest {
    private static final String CRITERIA =
            "{\"industry\": [\"SaaS\"], \"location\": [\"UK\"], \"employee_count\": {\"min\": 10, \"max\": 500}}";

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
    void aStreamOfThreeCompanies() {
        org = fixtures.organization();
        agent = fixtures.agent(org, ScoringAgent.TYPE);
        stream = TestStreams.aStream(database.dataSource(), org, CRITERIA, "{}");
        onStream(aCompany("ENRICHED LTD").fullyEnriched(AgentRun.NOW), 1);
        onStream(aCompany("SNAPSHOT ONLY LTD"), 2);
        onStream(aCompanyWithNothing("EMPTY LTD"), 3);
    }

    @Test
    void scores_the_stream_and_reports_the_seeds_output_keys() throws Exception {
        AgentRun run = run(UUID.randomUUID(), 1, new RecordingStreamSink());

        assertThat(run.result().success()).isTrue();
        assertThat(fieldNames(run.output()))
                .containsExactly("items_updated", "avg_quality_score", "high_quality_count");
        assertThat(run.output().path("items_updated").asInt()).isEqualTo(3);
        assertThat(run.output().path("avg_quality_score").asDouble()).isBetween(0.0, 5.0);
        assertThat(run.output().path("high_quality_count").asInt()).isEqualTo(1);
        assertThat(run.metrics().path("items_processed").asLong()).isEqualTo(3);
        assertThat(fixtures.count("SELECT count(*) FROM stream_items WHERE stream_id = '" + stream
                        + "' AND metadata ->> 'quality_score' IS NOT NULL"))
                .isEqualTo(3);
    }

    @Test
    void reports_its_start_its_end_the_bands_and_the_progress() throws Exception {
        RecordingStreamSink sink = new RecordingStreamSink();

        run(UUID.randomUUID(), 1, sink);

        assertThat(sink.activityKeys()).containsExactly("started", "completed");
        Insight bands = sink.insights().get(0);
        assertThat(bands.type()).isEqualTo(Insight.Type.QUALITY_ASSESSMENT);
        assertThat(bands.title()).isEqualTo("3 companies scored: 0 critical, 1 high, 0 medium, 2 low");
        assertThat(bands.dedupeKey()).isEqualTo("scoring:bands:0/1/0/2");
        assertThat(sink.progressPublished()).isEqualTo(1);
    }

    @Test
    void recommends_enrichment_when_the_companies_lack_it() throws Exception {
        RecordingStreamSink sink = new RecordingStreamSink();

        run(UUID.randomUUID(), 1, sink);

        // one company of three fully enriched: enrichment averages 1/3, above the threshold
        assertThat(sink.insights()).extracting(Insight::type).containsExactly(Insight.Type.QUALITY_ASSESSMENT);

        onStream(aCompany("ANOTHER SNAPSHOT LTD"), 4);
        onStream(aCompany("AND ANOTHER LTD"), 5);
        run(UUID.randomUUID(), 1, sink);
        assertThat(sink.insights())
                .filteredOn(insight -> insight.type() == Insight.Type.RECOMMENDATION)
                .singleElement()
                .satisfies(insight -> assertThat(insight.dedupeKey()).isEqualTo("scoring:enrichment_low:5"));
    }

    @Test
    void a_retried_attempt_writes_the_same_and_duplicates_nothing() throws Exception {
        UUID execution = UUID.randomUUID();
        RecordingStreamSink sink = new RecordingStreamSink();

        AgentRun first = run(execution, 1, sink);
        String ranked = ranked();
        AgentRun retry = run(execution, 2, sink);

        assertThat(retry.output()).isEqualTo(first.output());
        assertThat(ranked()).isEqualTo(ranked);
        assertThat(sink.insights()).hasSize(1);
        assertThat(fixtures.count("SELECT count(*) FROM stream_items WHERE stream_id = '" + stream + "'"))
                .isEqualTo(3);
    }

    private String ranked() {
        return fixtures.text("SELECT string_agg(title || ':' || position || ':' || priority || ':' || metadata::text,"
                + " '|' ORDER BY position) FROM stream_items WHERE stream_id = '" + stream + "'");
    }

    private void onStream(io.agentry.testing.TestCompany company, int position) {
        long id = company.insert(database.dataSource());
        TestStreams.aCompanyItem(database.dataSource(), stream, id, position);
    }

    private AgentRun run(UUID execution, int attempt, RecordingStreamSink sink) throws Exception {
        return AgentRun.of(
                new ScoringAgent(ReferenceData.bundled()),
                ScoringAgent.TYPE,
                database,
                org,
                agent,
                stream,
                null,
                execution,
                attempt,
                sink);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
