package io.agentry.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CriteriaReasonsTest {

    @Test
    void figures_are_grouped_by_thousands() {
        assertThat(CriteriaReasons.grouped(0)).isEqualTo("0");
        assertThat(CriteriaReasons.grouped(999)).isEqualTo("999");
        assertThat(CriteriaReasons.grouped(1000)).isEqualTo("1,000");
        assertThat(CriteriaReasons.grouped(15_000_000)).isEqualTo("15,000,000");
        assertThat(CriteriaReasons.grouped(-123_456)).isEqualTo("-123,456");
    }
}
