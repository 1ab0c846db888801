package io.agentry.scoring;

import static io.agentry.testing.TestCompany.aCompany;
import static io.agentry.testing.TestCompany.aCompanyWithNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.stream.Goal;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestCompany;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");
    private static final String CRITERIA = "{\"industry\": [\"SaaS\"], \"location\": [\"UK\"],"
            + " \"employee_count\": {\"min\": 10, \"max\": 500}, \"revenue\": {\"min\": 1000000}}";

    private static Database database;
    private static Fixtures fixtures;

    private UUID org;
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
    void aStream() {
        org = fixtures.organization();
        stream = TestStreams.aStream(database.dataSource(), org, CRITERIA, "{}");
    }

    @Test
    void a_company_matching_everything_with_full_data_and_strong_signals_scores_at_least_four_and_a_half() {
        long best = onStream(aCompany("NORTHWIND ANALYTICS LTD").fullyEnriched(NOW.minus(Duration.ofDays(1))));
        signal(best, org, "funding_round", "very_strong", 90, NOW.minus(Duration.ofDays(3)), "active", null);
        signal(best, org, "job_posting", "strong", 80, NOW.minus(Duration.ofDays(10)), "active", null);

        ScoringResult result = score();

        Item item = items().get(0);
        assertThat(item.score()).isGreaterThanOrEqualTo(4.5).isLessThanOrEqualTo(5.0);
        assertThat(item.priority()).isEqualTo("critical");
        assertThat(item.metadata().path("components").path("criteria_match").asDouble())
                .isEqualTo(1.0);
        assertThat(item.metadata().path("components").path("completeness").asDouble())
                .isEqualTo(1.0);
        assertThat(item.metadata().path("components").path("enrichment").asDouble())
                .isEqualTo(1.0);
        // 1 − (1 − 0.9)(1 − 0.6)
        assertThat(item.metadata().path("components").path("signals").asDouble())
                .isEqualTo(0.96);
        assertThat(result.itemsUpdated()).isEqualTo(1);
        assertThat(result.highQualityCount()).isEqualTo(1);
        assertThat(item.metadata().path("reasons").toString())
                .contains("turnover: £8,000,000 (filed accounts), within £1,000,000 or more");
    }

    @Test
    void a_company_with_nothing_scores_below_one() {
        onStream(aCompanyWithNothing("EMPTY LTD"));

        score();

        Item item = items().get(0);
        assertThat(item.score()).isLessThan(1.0).isGreaterThanOrEqualTo(0.0);
        assertThat(item.priority()).isEqualTo("low");
        assertThat(item.metadata().path("reasons").toString())
                .contains("industry: no SIC code on record", "completeness: 0 of 12 facts known", "signals: none live");
    }

    @Test
    void the_reasons_name_the_enrichment_sources_that_did_not_succeed() {
        onStream(aCompany("HALF ENRICHED LTD")
                .enrichmentRecord("{\"companies_house\": {\"status\": \"skipped\", \"reason\": \"not configured\"},"
                        + " \"website\": {\"status\": \"failed\"}, \"estimates\": {\"status\": \"ok\"}}"));

        score();

        assertThat(items().get(0).metadata().path("reasons").toString())
                .contains("enrichment: none yet; companies_house skipped, website failed");
    }

    @Test
    void scores_stay_within_zero_and_five_and_span_the_range() {
        onStream(aCompanyWithNothing("EMPTY LTD"));
        onStream(aCompany("SNAPSHOT ONLY LTD"));
        onStream(aCompany("RETAILER LTD").sic("47910").inCardiff().status("Liquidation"));
        onStream(aCompany("OVERDUE LTD")
                .accountsDue(NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusMonths(4)));
        long best = onStream(aCompany("ENRICHED LTD").fullyEnriched(NOW));
        signal(best, org, "funding_round", "very_strong", 100, NOW, "active", null);

        score();

        List<Double> scores = items().stream().map(Item::score).toList();
        assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(0.0, 5.0));
        assertThat(scores).anySatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(4.5));
        assertThat(scores).anySatisfy(score -> assertThat(score).isLessThan(1.0));
    }

    @Test
    void the_stream_is_ranked_by_score_best_first_with_notes_after_the_companies() {
        UUID note = TestStreams.aNote(database.dataSource(), stream, "Call list for Q3", 1);
        onStream(aCompany("SNAPSHOT ONLY LTD"));
        onStream(aCompanyWithNothing("EMPTY LTD"));
        onStream(aCompany("ENRICHED LTD").fullyEnriched(NOW));
        onStream(aCompany("MICRO LTD").micro());

        score();

        List<Item> items = items();
        assertThat(items).extracting(Item::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(items)
                .extracting(Item::title)
                .containsExactly("ENRICHED LTD", "SNAPSHOT ONLY LTD", "MICRO LTD", "EMPTY LTD", "Call list for Q3");
        List<Double> scores = items.subList(0, 4).stream().map(Item::score).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(items.get(4).id()).isEqualTo(note);
    }

    @Test
    void each_item_is_banded_by_its_score() {
        onStream(aCompanyWithNothing("EMPTY LTD"));
        onStream(aCompany("SNAPSHOT ONLY LTD"));
        onStream(aCompany("ENRICHED LTD").fullyEnriched(NOW));
        long signalled = onStream(aCompany("SIGNALLED LTD").fullyEnriched(NOW));
        signal(signalled, org, "funding_round", "very_strong", 95, NOW, "active", null);

        score();

        assertThat(items())
                .allSatisfy(item -> assertThat(item.priority())
                        .isEqualTo(Priority.of(item.score()).value()));
        assertThat(items()).extracting(Item::priority).contains("critical", "high", "low");
    }

    @Test
    void only_the_orgs_live_signals_count() {
        long company = onStream(aCompany("WATCHED LTD"));
        UUID otherOrg = fixtures.organization();
        signal(company, otherOrg, "funding_round", "very_strong", 100, NOW, "active", null);
        signal(company, org, "job_posting", "very_strong", 100, NOW, "expired", null);
        signal(
                company,
                org,
                "news_mention",
                "very_strong",
                100,
                NOW.minus(Duration.ofDays(40)),
                "active",
                NOW.minus(Duration.ofDays(1)));
        signal(company, org, "executive_change", "very_strong", 100, NOW, "false_positive", null);

        score();
        assertThat(items().get(0).metadata().path("components").path("signals").asDouble())
                .isZero();

        signal(company, org, "companies_house_filing", "moderate", 80, NOW.minus(Duration.ofDays(5)), "active", null);
        score();
        assertThat(items().get(0).metadata().path("components").path("signals").asDouble())
                .isEqualTo(0.4);
    }

    @Test
    void an_old_signal_counts_for_less() {
        long company = onStream(aCompany("WATCHED LTD"));
        signal(company, org, "funding_round", "very_strong", 100, NOW.minus(Duration.ofDays(400)), "active", null);

        score();

        assertThat(items().get(0).metadata().path("components").path("signals").asDouble())
                .isEqualTo(0.25);
    }

    @Test
    void scoring_unchanged_data_again_computes_the_same_and_writes_no_row() {
        onStream(aCompany("SNAPSHOT ONLY LTD"));
        onStream(aCompanyWithNothing("EMPTY LTD"));
        onStream(aCompany("ENRICHED LTD").fullyEnriched(NOW));

        ScoringResult first = score();
        List<Item> before = items();
        String written = fixtures.text(
                "SELECT string_agg(xmin::text, ',' ORDER BY id) FROM stream_items WHERE stream_id = '" + stream + "'");
        ScoringResult second = score();

        assertThat(items()).isEqualTo(before);
        assertThat(first.rowsWritten()).isEqualTo(3);
        assertThat(second.rowsWritten()).isZero();
        assertThat(second.itemsUpdated()).isEqualTo(first.itemsUpdated()).isEqualTo(3);
        assertThat(second.avgQualityScore()).isEqualTo(first.avgQualityScore());
        assertThat(fixtures.text("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM stream_items WHERE stream_id = '"
                        + stream + "'"))
                .isEqualTo(written);
    }

    @Test
    void the_result_counts_the_companies_scored_and_their_average() {
        onStream(aCompanyWithNothing("EMPTY LTD"));
        onStream(aCompany("ENRICHED LTD").fullyEnriched(NOW));
        TestStreams.aNote(database.dataSource(), stream, "not scored", 3);

        ScoringResult result = score();

        List<Item> items = items();
        double average = (items.get(0).score() + items.get(1).score()) / 2;
        assertThat(result.itemsUpdated()).isEqualTo(2);
        assertThat(result.avgQualityScore()).isEqualTo(Math.round(average * 100) / 100.0);
        assertThat(result.bands().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(2);
    }

    @Test
    void an_empty_stream_scores_nothing() {
        ScoringResult result = score();

        assertThat(result.itemsUpdated()).isZero();
        assertThat(result.avgQualityScore()).isNull();
    }

    @Test
    void another_orgs_stream_is_refused() {
        UUID otherOrg = fixtures.organization();

        assertThatThrownBy(() -> scoring().score(otherOrg, stream, goal()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream " + stream + " does not exist");
    }

    private ScoringResult score() {
        return scoring().score(org, stream, goal());
    }

    private static Scoring scoring() {
        return new Scoring(database.dataSource(), ReferenceData.bundled(), new SettableClock(NOW));
    }

    private static Goal goal() {
        return Goal.of(Json.read(CRITERIA), null, ReferenceData.bundled());
    }

    private long onStream(TestCompany company) {
        long id = company.insert(database.dataSource());
        TestStreams.aCompanyItem(database.dataSource(), stream, id, 100);
        return id;
    }

    private static void signal(
            long company,
            UUID org,
            String type,
            String strength,
            int confidence,
            Instant detected,
            String status,
            Instant expires) {
        Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO buying_signals (company_id, org_id, signal_type, signal_strength, confidence_score,
                                                detected_at, status, expires_at, source_ref)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, company);
                insert.setObject(2, org);
                insert.setString(3, type);
                insert.setString(4, strength);
                insert.setInt(5, confidence);
                insert.setTimestamp(6, Timestamp.from(detected));
                insert.setString(7, status);
                insert.setTimestamp(8, expires == null ? null : Timestamp.from(expires));
                insert.setString(9, "test:" + UUID.randomUUID());
                return insert.executeUpdate();
            }
        });
    }

    /** An item as ranked: its title, rank, band and score. */
    record Item(UUID id, String title, Integer position, String priority, JsonNode metadata) {
        double score() {
            return metadata.path("quality_score").asDouble();
        }
    }

    private List<Item> items() {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, title, position, priority, metadata FROM stream_items WHERE stream_id = ? ORDER BY position")) {
                query.setObject(1, stream);
                try (ResultSet row = query.executeQuery()) {
                    List<Item> items = new ArrayList<>();
                    while (row.next()) {
                        items.add(new Item(
                                row.getObject(1, UUID.class),
                                row.getString(2),
                                (Integer) row.getObject(3),
                                row.getString(4),
                                Json.read(row.getString(5))));
                    }
                    return items;
                }
            }
        });
    }
}
