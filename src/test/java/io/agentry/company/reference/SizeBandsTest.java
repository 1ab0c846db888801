package io.agentry.company.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizeBandsTest {
    private static final String THRESHOLDS = "Companies Act 2006 thresholds from 6 April 2025";

    private final SizeBands sizes = ReferenceData.bundled().sizeBands();

    @Test
    void micro_entity_accounts_mean_at_most_10_employees_and_1m_turnover() {
        assertThat(sizes.forCategory("MICRO ENTITY"))
                .contains(new SizeEstimate(
                        "micro", 0, 10, 1_000_000L, "accounts category MICRO ENTITY (" + THRESHOLDS + ")"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SMALL",
                "TOTAL EXEMPTION FULL",
                "TOTAL EXEMPTION SMALL",
                "UNAUDITED ABRIDGED",
                "AUDITED ABRIDGED"
            })
    void small_company_accounts_mean_at_most_50_employees_and_15m_turnover(String category) {
        assertThat(sizes.forCategory(category))
                .contains(new SizeEstimate(
                        "small", 0, 50, 15_000_000L, "accounts category " + category + " (" + THRESHOLDS + ")"));
    }

    @Test
    void medium_accounts_mean_at_most_250_employees_and_54m_turnover() {
        assertThat(sizes.forCategory("MEDIUM"))
                .contains(new SizeEstimate(
                        "medium", 0, 250, 54_000_000L, "accounts category MEDIUM (" + THRESHOLDS + ")"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DORMANT", "FILING EXEMPTION SUBSIDIARY"})
    void dormant_companies_have_no_staff_and_no_turnover(String category) {
        assertThat(sizes.forCategory(category)).hasValueSatisfying(estimate -> {
            assertThat(estimate.band()).isEqualTo("dormant");
            assertThat(estimate.employeesMin()).isZero();
            assertThat(estimate.employeesMax()).isZero();
            assertThat(estimate.turnoverMaxGbp()).isZero();
            assertThat(estimate.source()).startsWith("accounts category " + category + " (");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FULL",
                "GROUP",
                "AUDIT EXEMPTION SUBSIDIARY",
                "PARTIAL EXEMPTION",
                "INITIAL",
                "NO ACCOUNTS FILED",
                "ACCOUNTS TYPE NOT AVAILABLE"
            })
    void categories_that_say_nothing_about_size_give_no_estimate(String category) {
        assertThat(sizes.forCategory(category)).isEmpty();
    }

    @Test
    void categories_are_matched_in_any_case_and_spacing() {
        assertThat(sizes.forCategory("  total exemption   full "))
                .map(SizeEstimate::band)
                .contains("small");
        assertThat(sizes.forCategory("Micro Entity")).map(SizeEstimate::band).contains("micro");
    }

    @Test
    void an_unknown_or_missing_category_gives_no_estimate() {
        assertThat(sizes.forCategory("SOMETHING NEW")).isEmpty();
        assertThat(sizes.forCategory("")).isEmpty();
        assertThat(sizes.forCategory(null)).isEmpty();
    }

    @Test
    void a_band_named_by_a_user_gives_its_employee_range() {
        assertThat(sizes.resolveBand("micro"))
                .extracting(SizeBand::employeesMin, SizeBand::employeesMax)
                .containsExactly(0, 10);
        assertThat(sizes.resolveBand("Small"))
                .extracting(SizeBand::employeesMin, SizeBand::employeesMax)
                .containsExactly(11, 50);
        assertThat(sizes.resolveBand(" MEDIUM "))
                .extracting(SizeBand::employeesMin, SizeBand::employeesMax)
                .containsExactly(51, 250);
        assertThat(sizes.resolveBand("large"))
                .extracting(SizeBand::employeesMin, SizeBand::employeesMax)
                .containsExactly(251, null);
        assertThat(sizes.resolveBand("large").turnoverMaxGbp()).isNull();
    }

    @Test
    void an_unknown_band_is_refused_with_the_bands() {
        assertThatThrownBy(() -> sizes.resolveBand("huge"))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("unknown size \"huge\"; use one of: micro, small, medium, large, dormant");
    }
}
