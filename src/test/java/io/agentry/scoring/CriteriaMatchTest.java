package io.agentry.scoring;

import static io.agentry.testing.TestCompany.aCompany;
import static io.agentry.testing.TestCompany.aCompanyWithNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.stream.Goal;
import io.agentry.support.Json;
import io.agentry.testing.TestCompany;
import io.agentry.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CriteriaMatchTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Offset<Double> EXACT = within(0.0001);
    private static final String UK_SAAS_10_TO_500 =
            "{\"industry\": [\"SaaS\"], \"location\": [\"UK\"], \"employee_count\": {\"min\": 10, \"max\": 500}}";

    private static Database database;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void a_known_headcount_inside_the_range_scores_one_and_outside_it_the_ratio() {
        assertThat(fit(aCompany("INSIDE LTD").employees(120, "careers page"), UK_SAAS_10_TO_500)
                        .employees())
                .isEqualTo(1.0, EXACT);
        assertThat(fit(aCompany("BELOW LTD").employees(8, "careers page"), UK_SAAS_10_TO_500)
                        .employees())
                .isEqualTo(0.8, EXACT);
        assertThat(fit(aCompany("ABOVE LTD").employees(1000, "careers page"), UK_SAAS_10_TO_500)
                        .employees())
                .isEqualTo(0.5, EXACT);
    }

    @Test
    void an_estimate_scores_the_share_of_its_range_inside_the_goals_and_nothing_known_scores_half() {
        assertThat(fit(aCompany("SMALL LTD"), UK_SAAS_10_TO_500).employees()).isEqualTo(41.0 / 51, EXACT);
        assertThat(fit(aCompany("MEDIUM LTD").medium(), UK_SAAS_10_TO_500).employees())
                .isEqualTo(241.0 / 251, EXACT);
        assertThat(fit(aCompany("MICRO LTD").micro(), UK_SAAS_10_TO_500).employees())
                .isEqualTo(1.0 / 11, EXACT);
        assertThat(fit(aCompany("FULL ACCOUNTS LTD").noEstimate(), UK_SAAS_10_TO_500)
                        .employees())
                .isEqualTo(0.5, EXACT);
    }

    @Test
    void turnover_scores_like_headcount_with_the_estimate_running_from_nothing_to_its_ceiling() {
        String overAMillion = "{\"revenue\": {\"min\": 1000000}}";

        assertThat(fit(aCompany("SMALL LTD"), overAMillion).revenue()).isEqualTo(14.0 / 15, EXACT);
        assertThat(fit(aCompany("MICRO LTD").micro(), overAMillion).revenue()).isEqualTo(0.0, EXACT);
        assertThat(fit(aCompany("KNOWN LTD").revenue(500_000, "filed accounts"), overAMillion)
                        .revenue())
                .isEqualTo(0.5, EXACT);
        assertThat(fit(aCompany("UNKNOWN LTD").noEstimate(), overAMillion).revenue())
                .isEqualTo(0.5, EXACT);
    }

    @Test
    void filings_lose_a_third_for_each_overdue_filing_and_for_dormant_accounts() {
        assertThat(fit(aCompany("ON TIME LTD"), UK_SAAS_10_TO_500).filings()).isEqualTo(1.0, EXACT);
        assertThat(fit(aCompany("LATE LTD").accountsDue(TODAY.minusDays(1)), UK_SAAS_10_TO_500)
                        .filings())
                .isEqualTo(2.0 / 3, EXACT);
        assertThat(fit(
                                aCompany("VERY LATE LTD")
                                        .accountsDue(TODAY.minusMonths(3))
                                        .statementDue(TODAY.minusMonths(2)),
                                UK_SAAS_10_TO_500)
                        .filings())
                .isEqualTo(1.0 / 3, EXACT);
        assertThat(fit(aCompany("DORMANT LTD").dormant(), UK_SAAS_10_TO_500).filings())
                .isEqualTo(2.0 / 3, EXACT);
        assertThat(fit(aCompany("DUE TODAY LTD").accountsDue(TODAY), UK_SAAS_10_TO_500)
                        .filings())
                .isEqualTo(1.0, EXACT);
    }

    @Test
    void age_grows_to_one_at_two_years() {
        assertThat(fit(aCompany("NEW LTD").incorporated(TODAY.minusDays(365)), UK_SAAS_10_TO_500)
                        .age())
                .isEqualTo(0.5, EXACT);
        assertThat(fit(aCompany("OLD LTD").incorporated(TODAY.minusYears(3)), UK_SAAS_10_TO_500)
                        .age())
                .isEqualTo(1.0, EXACT);
        assertThat(fit(aCompany("FUTURE LTD").incorporated(TODAY.plusDays(3)), UK_SAAS_10_TO_500)
                        .age())
                .isEqualTo(0.0, EXACT);
    }

    @Test
    void the_match_is_the_weighted_mean_of_what_the_goal_asks_about() {
        CriteriaFit small = fit(aCompany("SMALL LTD"), UK_SAAS_10_TO_500);

        // employees 2, filings 1, age 0.5; no revenue criterion, so no revenue weight
        assertThat(small.revenue()).isNull();
        assertThat(small.criteriaMatch()).isEqualTo(round4((2 * 41.0 / 51 + 1 + 0.5) / 3.5), EXACT);
        CriteriaFit noSize = fit(aCompany("LATE LTD").accountsDue(TODAY.minusDays(1)), "{\"industry\": [\"SaaS\"]}");
        assertThat(noSize.employees()).isNull();
        assertThat(noSize.criteriaMatch()).isEqualTo(round4((2.0 / 3 + 0.5) / 1.5), EXACT);
    }

    @Test
    void each_hard_criterion_missed_takes_a_third_of_the_match() {
        CriteriaFit inWales =
                fit(aCompany("CARDIFF LTD").inCardiff(), "{\"industry\": [\"SaaS\"], \"location\": [\"London\"]}");
        CriteriaFit retailer = fit(
                aCompany("SHOP LTD").sic("47910").status("Liquidation"),
                "{\"industry\": [\"SaaS\"], \"location\": [\"London\"]}");

        assertThat(inWales.industryMet()).isTrue();
        assertThat(inWales.locationMet()).isFalse();
        assertThat(inWales.criteriaMatch()).isEqualTo(round4(2.0 / 3), EXACT);
        assertThat(retailer.criteriaMatch()).isEqualTo(round4(1.0 / 3), EXACT);
        assertThat(fit(aCompanyWithNothing("NOTHING LTD"), UK_SAAS_10_TO_500).criteriaMatch())
                .isZero();
    }

    @Test
    void a_company_matching_every_criterion_with_its_figures_known_matches_fully() {
        CriteriaFit fit = fit(
                aCompany("PERFECT LTD").employees(120, "careers page").revenue(5_000_000, "filed accounts"),
                "{\"industry\": [\"SaaS\"], \"location\": [\"UK\"], \"employee_count\": {\"min\": 10, \"max\": 500},"
                        + " \"revenue\": {\"min\": 1000000, \"max\": 20000000}}");

        assertThat(fit.criteriaMatch()).isEqualTo(1.0);
    }

    @Test
    void a_division_or_section_stands_for_every_code_of_it_the_catalogue_holds() {
        assertThat(fit(aCompany("CONSULTING LTD").sic("62020"), "{\"industry\": [\"62\"]}")
                        .industryMet())
                .isTrue();
        assertThat(fit(aCompany("HOSTING LTD").sic("63110"), "{\"industry\": [\"section J\"]}")
                        .industryMet())
                .isTrue();
        assertThat(fit(aCompany("BAKERY LTD").sic("10710"), "{\"industry\": [\"section J\"]}")
                        .industryMet())
                .isFalse();
    }

    @Test
    void the_reasons_say_what_matched_and_what_is_estimated() {
        CriteriaFit fit = fit(aCompany("REASONS LTD").inManchester(), UK_SAAS_10_TO_500);

        assertThat(fit.reasons())
                .containsExactly(
                        "industry: SIC 62012 (SaaS)",
                        "location: North West (UK)",
                        "status: Active",
                        "employees: 0–50 estimated from the accounts category (TOTAL EXEMPTION FULL), 80% of that"
                                + " range within 10–500",
                        "accounts due 2025-12-31",
                        "confirmation statement due 2026-03-16",
                        "incorporated 2015-03-02, 10 years ago");
        assertThat(fit(aCompany("LATE LTD").accountsDue(TODAY.minusDays(1)).inCardiff(), "{\"location\": [\"M\"]}")
                        .reasons())
                .contains("location: Wales (postcode area CF) is outside M", "accounts overdue since 2025-05-31");
    }

    private static CriteriaFit fit(TestCompany company, String goalCriteria) {
        long id = company.insert(database.dataSource());
        Goal goal = Goal.of(Json.read(goalCriteria), null, ReferenceData.bundled());
        return Sql.run(database.dataSource(), connection -> {
            Criteria criteria = Criteria.resolve(goal, ReferenceData.bundled(), connection, TODAY);
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + CriteriaSql.FACTS + ", "
                    + CriteriaSql.COLUMNS + " FROM " + CriteriaSql.CRITERIA + " CROSS JOIN companies c "
                    + CriteriaSql.MATCH + " WHERE c.id = ?")) {
                int next = CriteriaSql.bind(statement, 1, criteria);
                statement.setLong(next, id);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return CriteriaFit.read(row, criteria);
                }
            }
        });
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
