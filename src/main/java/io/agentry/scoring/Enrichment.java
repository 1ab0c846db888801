package io.agentry.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Enrichment: which enrichment sources succeeded for a company, and how fresh their data is.
 *
 * <p>{@code coverage × (0.5 + 0.5 × freshness)}. Coverage is the mean of five sources, each known
 * by the columns it fills: website analysis ({@code tech_stack} or {@code social_links} stored,
 * even empty), officers ({@code officers_count}), filing history ({@code filing_count}), headcount
 * ({@code employee_count}) and turnover ({@code revenue_estimate_gbp}); a headcount or turnover
 * whose source calls it an estimate counts half. Freshness is 1 for data enriched within 7 days,
 * falling linearly to 0 at 90 days ({@code enriched_at}); stale data keeps half its worth. A
 * source that failed or is not configured fills nothing, so it adds nothing.
 *
 * @param employeeCountSource null when no headcount is known
 * @param revenueSource null when no turnover is known
 * @param enrichedAt null when no enrichment ran
 * @param gaps the sources {@code companies.enrichment} records as not ok, with their status
 *     ("companies_house skipped, website failed"), for the reason; null when none
 */
record Enrichment(
        boolean websiteAnalysed,
        boolean officers,
        boolean filingHistory,
        boolean headcount,
        String employeeCountSource,
        boolean turnover,
        String revenueSource,
        Instant enrichedAt,
        String gaps) {

    static final Duration FRESH = Duration.ofDays(7);
    static final Duration STALE = Duration.ofDays(90);
    private static final int SOURCES = 5;

    double coverage() {
        double found = (websiteAnalysed ? 1 : 0)
                + (officers ? 1 : 0)
                + (filingHistory ? 1 : 0)
                + measured(headcount, employeeCountSource)
                + measured(turnover, revenueSource);
        return found / SOURCES;
    }

    double freshness(Instant now) {
        if (enrichedAt == null) {
            return 0;
        }
        Duration age = Duration.between(enrichedAt, now);
        if (age.compareTo(FRESH) <= 0) {
            return 1;
        }
        if (age.compareTo(STALE) >= 0) {
            return 0;
        }
        return 1 - (double) (age.toSeconds() - FRESH.toSeconds()) / (STALE.toSeconds() - FRESH.toSeconds());
    }

    double score(Instant now) {
        return coverage() * (0.5 + 0.5 * freshness(now));
    }

    String reason(Instant now) {
        List<String> found = new ArrayList<>();
        if (websiteAnalysed) {
            found.add("website analysis");
        }
        if (officers) {
            found.add("officers");
        }
        if (filingHistory) {
            found.add("filing history");
        }
        if (headcount) {
            found.add(isEstimate(employeeCountSource) ? "headcount (estimate)" : "headcount");
        }
        if (turnover) {
            found.add(isEstimate(revenueSource) ? "turnover (estimate)" : "turnover");
        }
        String missing = gaps == null ? "" : "; " + gaps;
        if (found.isEmpty()) {
            return "enrichment: none yet" + missing;
        }
        String when = enrichedAt == null
                ? "date unknown"
                : "enriched " + Duration.between(enrichedAt, now).toDays() + " days ago";
        return "enrichment: " + String.join(", ", found) + " (" + when + ")" + missing;
    }

    private static double measured(boolean known, String source) {
        if (!known) {
            return 0;
        }
        return isEstimate(source) ? 0.5 : 1;
    }

    private static boolean isEstimate(String source) {
        return source != null && source.toLowerCase(Locale.ROOT).contains("estimate");
    }
}
