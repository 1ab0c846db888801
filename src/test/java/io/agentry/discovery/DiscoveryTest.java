package io.agentry.discovery;

import static io.agentry.testing.TestCompany.aCompany;
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
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");
    private static final String UK_SAAS =
            "{\"industry\": [\"SaaS\"], \"location\": [\"UK\"]," + " \"employee_count\": {\"min\": 10, \"max\": 500}}";

    private static Database database;
    private static Fixtures fixtures;

    private final SettableClock clock = new SettableClock(NOW);
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
    void anEmptyCatalogueAndStream() {
        fixtures.execute("TRUNCATE companies, sic_codes, stream_items, buying_signals CASCADE");
        org = fixtures.organization();
        agent = fixtures.agent(org, "opportunity_bot");
        stream = TestStreams.aStream(database.dataSource(), org, UK_SAAS, "{}");
    }

    @Test
    void never_adds_a_company_outside_the_industry_or_location_or_that_is_not_active() {
        long london = aCompany("LONDON SOFTWARE LTD").insert(database.dataSource());
        long manchester =
                aCompany("MANCHESTER SOFTWARE LTD").inManchester().sic("58290").insert(database.dataSource());
        long belfast = aCompany("BELFAST HOSTING LTD")
                .inBelfast()
                .sic("63110", "70229")
                .insert(database.dataSource());
        aCompany("LONDON SHOP LTD").sic("47910").insert(database.dataSource());
        aCompany("LONDON PAYMENTS LTD").sic("64999").insert(database.dataSource());
        aCompany("JERSEY SOFTWARE LTD").place("JE2 3AB", "JE", null).insert(database.dataSource());
        aCompany("NO ADDRESS SOFTWARE LTD").place(null, null, null).insert(database.dataSource());
        aCompany("WOUND UP SOFTWARE LTD").status("Liquidation").insert(database.dataSource());
        aCompany("STRUCK OFF SOFTWARE LTD")
                .status("Active - Proposal to Strike off")
                .insert(database.dataSource());
        aCompany("DISSOLVED SOFTWARE LTD").status("Dissolved").insert(database.dataSource());

        DiscoveryResult result = discover(goal(UK_SAAS, 50, 0.0), null, 1);

        assertThat(companiesOnStream()).containsExactlyInAnyOrder(london, manchester, belfast);
        assertThat(result.itemsCreated()).isEqualTo(3);
        assertThat(result.companiesFound()).isEqualTo(3);
    }

    @Test
    void a_place_may_be_a_postcode_area_and_an_industry_a_division() {
        long manchester = aCompany("MANCHESTER CONSULTING LTD")
                .inManchester()
                .sic("62020")
                .insert(database.dataSource());
        aCompany("LONDON CONSULTING LTD").sic("62020").insert(database.dataSource());
        aCompany("MANCHESTER BAKERY LTD").inManchester().sic("10710").insert(database.dataSource());

        discover(goal("{\"industry\": [\"62\"], \"location\": [\"Manchester\"]}", 50, 0.0), null, 1);

        assertThat(companiesOnStream()).containsExactly(manchester);
    }

    @Test
    void adds_the_best_companies_first_and_no_more_than_the_target() {
        long micro = aCompany("MICRO LTD").micro().insert(database.dataSource());
        long small = aCompany("SMALL LTD").insert(database.dataSource());
        long medium = aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        aCompany("UNKNOWN SIZE LTD").noEstimate().insert(database.dataSource());

        DiscoveryResult result = discover(goal(UK_SAAS, 2, 3.0), null, 1);

        assertThat(items()).extracting(Item::companyId).containsExactly(medium, small);
        assertThat(items()).extracting(Item::rank).containsExactly(1, 2);
        assertThat(items()).extracting(Item::position).containsOnlyNulls();
        assertThat(items()).extracting(Item::score).containsExactly(4.89, 4.44);
        assertThat(items()).extracting(Item::priority).containsExactly("critical", "high");
        assertThat(result.itemsCreated()).isEqualTo(2);
        assertThat(result.qualifiedCount()).isEqualTo(2);
        assertThat(result.avgQualityScore()).isEqualTo(4.67);
        assertThat(result.highQualityCount()).isEqualTo(2);
        assertThat(result.targetMet()).isTrue();
        assertThat(companiesOnStream()).doesNotContain(micro);
    }

    @Test
    void companies_below_the_minimum_quality_are_never_added() {
        long medium = aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        aCompany("SMALL LTD").insert(database.dataSource());
        aCompany("MICRO LTD").micro().insert(database.dataSource());

        DiscoveryResult result = discover(goal(UK_SAAS, 50, 4.5), null, 1);

        assertThat(companiesOnStream()).containsExactly(medium);
        assertThat(result.qualifiedCount()).isEqualTo(1);
        assertThat(result.targetMet()).isFalse();
    }

    @Test
    void a_second_run_adds_the_next_best_and_counts_only_its_new_items() {
        long medium = aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        long small = aCompany("SMALL LTD").insert(database.dataSource());
        long unknown = aCompany("UNKNOWN SIZE LTD").noEstimate().insert(database.dataSource());

        DiscoveryResult first = discover(goal(UK_SAAS, 1, 3.0), null, 1);
        DiscoveryResult second = discover(goal(UK_SAAS, 3, 3.0), null, 1);
        DiscoveryResult third = discover(goal(UK_SAAS, 3, 3.0), null, 1);

        assertThat(first.itemsCreated()).isEqualTo(1);
        assertThat(second.itemsCreated()).isEqualTo(2);
        assertThat(second.qualifiedCount()).isEqualTo(3);
        assertThat(third.itemsCreated()).isZero();
        assertThat(third.companiesFound()).isZero();
        assertThat(items()).extracting(Item::companyId).containsExactly(medium, small, unknown);
        assertThat(items()).extracting(Item::rank).containsExactly(1, 1, 2);
    }

    @Test
    void runs_never_add_a_company_twice() {
        aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        aCompany("SMALL LTD").insert(database.dataSource());

        discover(goal(UK_SAAS, 50, 0.0), null, 1);
        DiscoveryResult again = discover(goal(UK_SAAS, 50, 0.0), null, 1);

        assertThat(again.itemsCreated()).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM stream_items WHERE stream_id = '" + stream + "'"))
                .isEqualTo(2);
    }

    @Test
    void a_retried_attempt_adds_nothing_twice_and_reports_what_its_execution_added() {
        aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        aCompany("SMALL LTD").insert(database.dataSource());
        aCompany("MICRO LTD").micro().insert(database.dataSource());
        UUID execution = UUID.randomUUID();

        DiscoveryResult first = discover(goal(UK_SAAS, 2, 3.0), execution, 1);
        DiscoveryResult retry = discover(goal(UK_SAAS, 2, 3.0), execution, 2);

        assertThat(retry.addedCompanyIds()).isEmpty();
        assertThat(retry.itemsCreated()).isEqualTo(first.itemsCreated()).isEqualTo(2);
        assertThat(retry.avgQualityScore()).isEqualTo(first.avgQualityScore());
        assertThat(items()).hasSize(2);
    }

    @Test
    void qualified_items_already_on_the_stream_count_towards_the_target() {
        long byHand = aCompany("KNOWN CUSTOMER LTD").insert(database.dataSource());
        TestStreams.aCompanyItem(database.dataSource(), stream, byHand, 1);
        fixtures.execute(
                "UPDATE stream_items SET metadata = '{\"quality_score\": 4.2}' WHERE stream_id = '" + stream + "'");
        aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        aCompany("SMALL LTD").insert(database.dataSource());

        DiscoveryResult result = discover(goal(UK_SAAS, 2, 3.0), null, 1);

        assertThat(result.itemsCreated()).isEqualTo(1);
        assertThat(result.qualifiedCount()).isEqualTo(2);
        assertThat(items()).extracting(Item::position).containsExactly(1, null);
    }

    @Test
    void a_known_headcount_counts_before_the_size_band() {
        long measured = aCompany("MICRO BY ITS ACCOUNTS LTD")
                .micro()
                .employees(120, "careers page")
                .insert(database.dataSource());
        long medium = aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        aCompany("SMALL BUT TINY LTD").employees(1, "careers page").insert(database.dataSource());

        discover(goal(UK_SAAS, 50, 3.0), null, 1);

        assertThat(items()).extracting(Item::companyId).containsExactly(measured, medium);
        assertThat(items().get(0).score()).isEqualTo(5.0);
    }

    @Test
    void older_companies_come_first_among_equals() {
        long younger =
                aCompany("YOUNGER LTD").incorporated(LocalDate.of(2019, 5, 1)).insert(database.dataSource());
        long older =
                aCompany("OLDER LTD").incorporated(LocalDate.of(2004, 5, 1)).insert(database.dataSource());

        discover(goal(UK_SAAS, 50, 3.0), null, 1);

        assertThat(items()).extracting(Item::companyId).containsExactly(older, younger);
        assertThat(items().get(0).score()).isEqualTo(items().get(1).score());
    }

    @Test
    void without_a_size_in_the_goal_larger_bands_come_first_among_equals() {
        long micro = aCompany("MICRO LTD").micro().insert(database.dataSource());
        long none = aCompany("NO ESTIMATE LTD").noEstimate().insert(database.dataSource());
        long small = aCompany("SMALL LTD").insert(database.dataSource());
        long medium = aCompany("MEDIUM LTD").medium().insert(database.dataSource());

        discover(goal("{\"industry\": [\"SaaS\"]}", 50, 3.0), null, 1);

        assertThat(items()).extracting(Item::companyId).containsExactly(medium, small, micro, none);
        assertThat(items()).extracting(Item::score).containsOnly(5.0);
    }

    @Test
    void each_item_holds_its_score_components_and_reasons() {
        aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        UUID execution = UUID.randomUUID();

        discover(goal(UK_SAAS, 50, 3.0), execution, 1);

        JsonNode metadata = items().get(0).metadata();
        assertThat(metadata.path("quality_score").asDouble()).isEqualTo(4.89);
        assertThat(metadata.path("criteria_match").path("score").asDouble()).isEqualTo(0.9772);
        assertThat(metadata.path("criteria_match").path("employees").asDouble()).isEqualTo(0.9602);
        assertThat(metadata.path("reasons").get(0).asText()).isEqualTo("industry: SIC 62012 (SaaS)");
        assertThat(metadata.path("reasons").get(3).asText())
                .isEqualTo("employees: 0–250 estimated from the accounts category (MEDIUM), 96% of that range within"
                        + " 10–500");
        assertThat(metadata.path("discovered_by").path("execution_id").asText()).isEqualTo(execution.toString());
        assertThat(metadata.path("discovered_by").path("attempt").asInt()).isEqualTo(1);
        assertThat(fixtures.text("SELECT added_by_agent_id FROM stream_items WHERE stream_id = '" + stream + "'"))
                .isEqualTo(agent.toString());
    }

    @Test
    void another_orgs_stream_is_refused_and_left_alone() {
        aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        UUID otherOrg = fixtures.organization();
        Discovery discovery = new Discovery(database.dataSource(), ReferenceData.bundled(), new SettableClock(NOW));

        assertThatThrownBy(() -> discovery.discover(
                        new DiscoveryRequest(otherOrg, stream, agent, null, 1, goal(UK_SAAS, 50, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream " + stream + " does not exist");
        assertThat(items()).isEmpty();
    }

    @Test
    void explaining_a_run_gives_the_plan_of_each_statement_and_adds_nothing() {
        aCompany("MEDIUM LTD").medium().insert(database.dataSource());
        aCompany("SMALL LTD").insert(database.dataSource());
        Discovery discovery = new Discovery(database.dataSource(), ReferenceData.bundled(), new SettableClock(NOW));

        List<String> plans =
                discovery.explain(new DiscoveryRequest(org, stream, agent, null, 1, goal(UK_SAAS, 1, 3.0)));

        assertThat(plans).first().asString().startsWith("-- companies with a known headcount or turnover");
        assertThat(plans).anySatisfy(plan -> assertThat(plan).startsWith("-- size bands and their estimates"));
        assertThat(plans).anySatisfy(plan -> assertThat(plan).startsWith("-- size band medium, score ≥ 4.89"));
        assertThat(plans).last().asString().startsWith("-- the new items").contains("Insert on stream_items");
        assertThat(plans).allSatisfy(plan -> assertThat(plan).contains("Execution Time"));
        assertThat(items()).isEmpty();
    }

    /** A run a minute after the last one. */
    private DiscoveryResult discover(Goal goal, UUID execution, int attempt) {
        clock.advance(Duration.ofMinutes(1));
        return new Discovery(database.dataSource(), ReferenceData.bundled(), clock)
                .discover(new DiscoveryRequest(org, stream, agent, execution, attempt, goal));
    }

    private static Goal goal(String criteria, int companies, double minQuality) {
        return Goal.of(
                Json.read(criteria),
                Json.object().put("companies_to_find", companies).put("min_quality_score", minQuality),
                ReferenceData.bundled());
    }

    private List<Long> companiesOnStream() {
        return items().stream().map(Item::companyId).toList();
    }

    record Item(long companyId, Integer position, String priority, JsonNode metadata) {
        double score() {
            return metadata.path("quality_score").asDouble();
        }

        int rank() {
            return metadata.path("discovered_by").path("rank").asInt();
        }
    }

    private List<Item> items() {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT company_id, position, priority, metadata FROM stream_items WHERE stream_id = ?"
                            + " ORDER BY position NULLS LAST, created_at, (metadata -> 'discovered_by' ->> 'rank')::int")) {
                query.setObject(1, stream);
                try (ResultSet row = query.executeQuery()) {
                    List<Item> items = new ArrayList<>();
                    while (row.next()) {
                        items.add(new Item(
                                row.getLong(1),
                                (Integer) row.getObject(2),
                                row.getString(3),
                                Json.read(row.getString(4))));
                    }
                    return items;
                }
            }
        });
    }
}
