package io.agentry.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.support.Json;
import org.junit.jupiter.api.Test;

class GoalTest {
    private static final ReferenceData REFERENCE = ReferenceData.bundled();

    private static Goal goal(String criteria, String metrics) {
        return Goal.of(json(criteria), json(metrics), REFERENCE);
    }

    private static JsonNode json(String text) {
        return text == null ? null : Json.read(text);
    }

    @Test
    void the_seeds_example_goal_is_read_as_written() {
        Goal goal = goal("""
                {"industry": ["SaaS", "FinTech"], "location": ["UK", "Ireland"], "employee_count": {"min": 10, "max": 500}}""", """
                {"companies_to_find": 50, "min_quality_score": 4.0}""");

        assertThat(goal.industries()).containsExactly("SaaS", "FinTech");
        assertThat(goal.locations()).containsExactly("UK", "Ireland");
        assertThat(goal.employeeCount()).isEqualTo(new Goal.Range(10L, 500L));
        assertThat(goal.revenueGbp()).isEqualTo(Goal.Range.ANY);
        assertThat(goal.companiesToFind()).isEqualTo(50);
        assertThat(goal.minQualityScore()).isEqualTo(4.0);
    }

    @Test
    void no_criteria_and_no_targets_mean_any_company_and_the_default_targets() {
        Goal goal = goal(null, "{}");

        assertThat(goal.industries()).isEmpty();
        assertThat(goal.locations()).isEmpty();
        assertThat(goal.companiesToFind()).isEqualTo(Goal.DEFAULT_COMPANIES);
        assertThat(goal.minQualityScore()).isEqualTo(Goal.DEFAULT_MIN_QUALITY);
    }

    @Test
    void an_unknown_industry_is_refused_naming_the_field_and_the_known_labels() {
        assertThatThrownBy(() -> goal("{\"industry\": [\"SaaS\", \"Basket Weaving\"]}", null))
                .isInstanceOfSatisfying(
                        InvalidGoalException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("goal_criteria.industry[1]");
                            assertThat(error.message())
                                    .startsWith("unknown industry \"Basket Weaving\"")
                                    .contains("SaaS", "FinTech", "Cybersecurity");
                        }));
    }

    @Test
    void an_unknown_location_is_refused_naming_the_field() {
        assertThatThrownBy(() -> goal("{\"location\": \"Atlantis\"}", null))
                .isInstanceOf(InvalidGoalException.class)
                .hasMessageStartingWith("goal_criteria.location: unknown location \"Atlantis\"");
    }

    @Test
    void a_minimum_above_its_maximum_is_refused() {
        assertThatThrownBy(() -> goal("{\"employee_count\": {\"min\": 500, \"max\": 10}}", null))
                .isInstanceOf(InvalidGoalException.class)
                .hasMessage("goal_criteria.employee_count: min (500) is greater than max (10)");
    }

    @Test
    void unknown_keys_and_wrong_types_are_all_reported_at_once() {
        assertThatThrownBy(() -> goal(
                        "{\"sector\": \"SaaS\", \"revenue\": {\"min\": -1, \"most\": 5}, \"industry\": 62012}",
                        "{\"companies_to_find\": 0, \"min_quality_score\": \"4\", \"deadline\": \"soon\"}"))
                .isInstanceOfSatisfying(
                        InvalidGoalException.class,
                        e -> assertThat(e.errors())
                                .extracting(InvalidGoalException.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "goal_criteria.sector",
                                        "goal_criteria.revenue.most",
                                        "goal_criteria.revenue.min",
                                        "goal_criteria.industry",
                                        "target_metrics.deadline",
                                        "target_metrics.companies_to_find",
                                        "target_metrics.min_quality_score"))
                .hasMessageContaining("goal_criteria.sector: unknown key; the keys are employee_count, industry, "
                        + "location, revenue")
                .hasMessageContaining(
                        "target_metrics.companies_to_find: must be a whole number between 1 and 10000, " + "was 0");
    }
}
