package io.agentry.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.scoring.Completeness.Fact;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CompletenessTest {

    @Test
    void completeness_is_the_share_of_the_twelve_facts_known() {
        assertThat(Completeness.score(EnumSet.allOf(Fact.class))).isEqualTo(1.0);
        assertThat(Completeness.score(EnumSet.noneOf(Fact.class))).isEqualTo(0.0);
        assertThat(Completeness.score(EnumSet.of(Fact.INDUSTRY, Fact.ADDRESS, Fact.WEBSITE)))
                .isEqualTo(0.25);
    }

    @Test
    void the_reason_names_what_is_missing() {
        EnumSet<Fact> known = EnumSet.allOf(Fact.class);
        known.removeAll(EnumSet.of(Fact.WEBSITE, Fact.OWNERSHIP));

        assertThat(Completeness.reason(known))
                .isEqualTo("completeness: 10 of 12 facts known; missing website, persons with significant control");
        assertThat(Completeness.reason(EnumSet.allOf(Fact.class))).isEqualTo("completeness: all 12 facts known");
    }
}
