package io.agentry.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnrichmentTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");

    @Test
    void every_source_found_and_fresh_scores_one() {
        Enrichment full = new Enrichment(
                true, true, true, true, "careers page", true, "filed accounts", NOW.minus(Duration.ofDays(2)), null);

        assertThat(full.score(NOW)).isEqualTo(1.0);
    }

    @Test
    void nothing_found_scores_nothing_however_recent_the_attempt() {
        Enrichment none = new Enrichment(false, false, false, false, null, false, null, NOW, null);

        assertThat(none.score(NOW)).isZero();
        assertThat(none.reason(NOW)).isEqualTo("enrichment: none yet");
    }

    @Test
    void the_reason_names_the_sources_the_enrichment_record_says_did_not_succeed() {
        Enrichment partial = new Enrichment(
                true, false, false, false, null, false, null, NOW, "companies_house skipped, website failed");

        assertThat(partial.reason(NOW))
                .isEqualTo(
                        "enrichment: website analysis (enriched 0 days ago); companies_house skipped, website failed");
    }

    @Test
    void an_estimated_headcount_or_turnover_counts_half() {
        Enrichment estimated = new Enrichment(
                false, false, false, true, "estimate from accounts category SMALL", true, "Estimated", NOW, null);

        assertThat(estimated.coverage()).isEqualTo(1.0 / 5, within(1e-9));
        assertThat(estimated.reason(NOW))
                .isEqualTo("enrichment: headcount (estimate), turnover (estimate) (enriched 0 days ago)");
    }

    @Test
    void data_loses_freshness_from_a_week_to_ninety_days_and_keeps_half_its_worth() {
        Enrichment week =
                new Enrichment(true, true, true, true, "site", true, "accounts", NOW.minus(Duration.ofDays(7)), null);
        Enrichment halfway = new Enrichment(
                true,
                true,
                true,
                true,
                "site",
                true,
                "accounts",
                NOW.minus(Duration.ofDays(7))
                        .minus(Duration.ofSeconds((Duration.ofDays(83).toSeconds()) / 2)),
                null);
        Enrichment old =
                new Enrichment(true, true, true, true, "site", true, "accounts", NOW.minus(Duration.ofDays(400)), null);

        assertThat(week.freshness(NOW)).isEqualTo(1.0);
        assertThat(halfway.freshness(NOW)).isEqualTo(0.5, within(1e-6));
        assertThat(old.freshness(NOW)).isZero();
        assertThat(old.score(NOW)).isEqualTo(0.5);
    }
}
