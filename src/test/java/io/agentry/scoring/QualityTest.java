package io.agentry.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QualityTest {

    @Test
    void the_score_is_twice_the_criteria_match_plus_the_other_three() {
        assertThat(new Quality(0.9, 0.5, 0.25, 0.6).score()).isEqualTo(3.15);
        assertThat(new Quality(1, 1, 1, 1).score()).isEqualTo(5.0);
        assertThat(new Quality(0, 0, 0, 0).score()).isEqualTo(0.0);
    }

    @Test
    void a_component_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> new Quality(1.2, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criteria match must be between 0 and 1, was 1.2");
        assertThatThrownBy(() -> new Quality(0, 0, 0, Double.NaN)).hasMessageContaining("signals");
    }

    @Test
    void bands_start_at_four_and_a_half_four_and_three() {
        assertThat(Priority.of(5.0)).isEqualTo(Priority.CRITICAL);
        assertThat(Priority.of(4.5)).isEqualTo(Priority.CRITICAL);
        assertThat(Priority.of(4.49)).isEqualTo(Priority.HIGH);
        assertThat(Priority.of(4.0)).isEqualTo(Priority.HIGH);
        assertThat(Priority.of(3.99)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.of(3.0)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.of(2.99)).isEqualTo(Priority.LOW);
        assertThat(Priority.of(0)).isEqualTo(Priority.LOW);
        assertThat(Priority.CRITICAL.value()).isEqualTo("critical");
    }

    @Test
    void the_band_is_taken_from_the_rounded_score() {
        // 2 × 0.9999 + 1 + 1 + 0.5 = 4.4998, stored as 4.50: the band must agree with what is stored
        Quality quality = new Quality(0.9999, 1, 1, 0.5);

        assertThat(quality.score()).isEqualTo(4.5);
        assertThat(quality.priority()).isEqualTo(Priority.CRITICAL);
    }
}
