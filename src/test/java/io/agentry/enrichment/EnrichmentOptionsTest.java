package io.agentry.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.support.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnrichmentOptionsTest {

    @Test
    void an_empty_configuration_gives_seven_days_and_a_thousand_companies_a_run() {
        EnrichmentOptions options = EnrichmentOptions.from(Json.object());

        assertThat(options).isEqualTo(EnrichmentOptions.defaults());
        assertThat(options.staleAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(options.batchSize()).isEqualTo(1_000);
        assertThat(options.companiesHouseConcurrency()).isEqualTo(4);
    }

    @Test
    void configured_values_are_read_and_other_keys_left_alone() {
        EnrichmentOptions options = EnrichmentOptions.from(Json.read("""
                {"stale_after_days": 30, "batch_size": 250, "companies_house_concurrency": 2,
                 "timeout_seconds": 900}"""));

        assertThat(options).isEqualTo(new EnrichmentOptions(30, 250, 2));
    }

    @Test
    void a_value_out_of_range_or_not_a_whole_number_is_refused_naming_its_key() {
        assertThatThrownBy(() -> EnrichmentOptions.from(Json.read("{\"batch_size\": 0}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch_size must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> EnrichmentOptions.from(Json.read("{\"stale_after_days\": \"seven\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stale_after_days must be a whole number, was \"seven\"");
        assertThatThrownBy(() -> EnrichmentOptions.from(Json.read("{\"stale_after_days\": 1.5}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stale_after_days must be a whole number");
        assertThatThrownBy(() -> EnrichmentOptions.from(Json.read("{\"companies_house_concurrency\": 33}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("companies_house_concurrency must be between 1 and 32, was 33");
    }
}
