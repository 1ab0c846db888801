package io.agentry.scoring;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Completeness: the share of the twelve facts a salesperson works with that the catalogue holds
 * for a company. The snapshot alone gives at most six (industry, incorporation, address, accounts,
 * a size and a turnover estimate); the rest come from enrichment and the other imports.
 */
final class Completeness {
    private Completeness() {}

    /** One fact; {@link #column} names the boolean the scoring read selects for it. */
    enum Fact {
        INDUSTRY("has_industry", "SIC codes"),
        INCORPORATION("has_incorporation", "incorporation date"),
        ADDRESS("has_address", "postcode"),
        ACCOUNTS("has_accounts", "filed accounts"),
        SIZE("has_size", "headcount or size estimate"),
        TURNOVER("has_turnover", "turnover or its ceiling"),
        WEBSITE("has_website", "website"),
        DESCRIPTION("has_description", "description"),
        SOCIAL_LINKS("has_social_links", "social links"),
        TECH_STACK("has_tech_stack", "tech stack"),
        OFFICERS("has_officers", "officers"),
        OWNERSHIP("has_ownership", "persons with significant control");

        private final String column;
        private final String label;

        Fact(String column, String label) {
            this.column = column;
            this.label = label;
        }

        String column() {
            return column;
        }
    }

    static double score(Set<Fact> present) {
        return (double) present.size() / Fact.values().length;
    }

    static String reason(Set<Fact> present) {
        int total = Fact.values().length;
        if (present.size() == total) {
            return "completeness: all " + total + " facts known";
        }
        Set<Fact> missing = EnumSet.allOf(Fact.class);
        missing.removeAll(present);
        List<String> labels = missing.stream().map(fact -> fact.label).toList();
        return "completeness: " + present.size() + " of " + total + " facts known; missing "
                + String.join(", ", labels);
    }
}
