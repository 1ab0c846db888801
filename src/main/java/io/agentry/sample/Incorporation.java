package io.agentry.sample;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Incorporation dates from 1 January 1950 to the day before the snapshot, most of them recent: the
 * number of live companies incorporated in a year falls by about a tenth for each year back, so
 * two thirds are under ten years old, as in the register.
 */
final class Incorporation {
    private static final int FIRST_YEAR = 1950;
    private static final Weighted<Integer> YEARS;
    /** The epoch day of 1 January of each year, and of the snapshot after the last. */
    private static final long[] YEAR_STARTS;

    static {
        Weighted.Builder<Integer> years = Weighted.builder();
        int last = CompanyGenerator.SNAPSHOT.getYear();
        YEAR_STARTS = new long[last - FIRST_YEAR + 2];
        for (int year = FIRST_YEAR; year <= last; year++) {
            double weight = 100_000 * Math.exp((year - last) / 9.5);
            if (year == last) {
                weight = weight * (CompanyGenerator.SNAPSHOT.getDayOfYear() - 1) / 365;
            }
            years.add(year, Math.max(1, (int) Math.round(weight)));
            YEAR_STARTS[year - FIRST_YEAR] = LocalDate.of(year, 1, 1).toEpochDay();
        }
        YEAR_STARTS[last - FIRST_YEAR + 1] = CompanyGenerator.SNAPSHOT.toEpochDay();
        YEARS = years.build();
    }

    private Incorporation() {}

    static LocalDate date(SplittableRandom random) {
        int index = YEARS.pick(random) - FIRST_YEAR;
        long start = YEAR_STARTS[index];
        return LocalDate.ofEpochDay(start + random.nextLong(YEAR_STARTS[index + 1] - start));
    }
}
