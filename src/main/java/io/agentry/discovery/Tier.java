package io.agentry.discovery;

/**
 * The active companies of one size band, which the search reads together. In a uniform band every
 * row has one size estimate, so no company of the band can score above {@code bound}: the score of
 * one of them with every filing on time and at least two years old. A band whose rows hold several
 * estimates (possible only with a replaced size-bands.csv) has no such bound and is read whole.
 *
 * @param band the size band, or null for the companies without an estimate
 * @param estimate the band's one estimate; null for a band that is not uniform
 * @param bound the highest score a company of the band can have; 5 when not uniform
 */
record Tier(String band, Estimate estimate, double bound) {

    /** A size estimate as the catalogue stores it: employees min and max, turnover ceiling; nulls allowed. */
    record Estimate(Integer employeesMin, Integer employeesMax, Long turnoverMaxGbp) {}

    boolean uniform() {
        return estimate != null;
    }

    /** The band's most employees, for ordering bands of equal bound; null when unknown or unbounded. */
    Integer employeesMax() {
        return estimate == null ? null : estimate.employeesMax();
    }

    Tier withBound(double bound) {
        return new Tier(band, estimate, bound);
    }
}
