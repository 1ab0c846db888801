package io.agentry.sample;

import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The filing dates a company has at a given day, by the Companies Act's calendar: the first
 * accounts are due 21 months after incorporation (18 for a PLC) and later ones 9 months after the
 * period ends (6 for a PLC); annual returns stopped on 30 June 2016 and confirmation statements
 * took over, each due 14 days after its anniversary (returns: 28 days). A company with a proposal
 * to strike it off is a period behind, so its dates are overdue.
 */
final class Filings {
    private static final LocalDate STATEMENTS_BEGAN = LocalDate.of(2016, 6, 30);
    private static final int[] DAYS_IN_MONTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final Weighted<String> COMMON =
            accountCategories(3600, 2400, 1200, 800, 500, 200, 400, 150, 100, 120, 30, 10, 40, 5);
    private static final Weighted<String> HOLDINGS =
            accountCategories(2500, 2000, 800, 1000, 800, 0, 800, 1200, 300, 600, 100, 0, 40, 0);
    private static final Weighted<String> PUBLIC = accountCategories(0, 0, 0, 700, 0, 0, 5500, 3800, 0, 0, 0, 0, 0, 0);
    private static final Weighted<String> DORMANT = accountCategories(500, 300, 0, 9200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private Filings() {}

    static Company.Accounts accounts(
            LocalDate incorporated,
            LocalDate asOf,
            Category category,
            Sector sector,
            boolean behind,
            SplittableRandom random) {
        int refMonth;
        int refDay;
        switch (random.nextInt(10)) {
            case 7 -> {
                refMonth = 3;
                refDay = 31;
            }
            case 8 -> {
                refMonth = 12;
                refDay = 31;
            }
            case 9 -> {
                refMonth = random.nextBoolean() ? 6 : 9;
                refDay = 30;
            }
            default -> {
                refMonth = incorporated.getMonthValue();
                refDay = refMonth == 2 ? 28 : DAYS_IN_MONTH[refMonth];
            }
        }
        boolean plc = category == Category.PUBLIC;
        int monthsToFile = plc ? 6 : 9;
        LocalDate first = periodEnd(incorporated.getYear(), refMonth, refDay);
        while (!first.isAfter(incorporated.plusMonths(6))) {
            first = periodEnd(first.getYear() + 1, refMonth, refDay);
        }
        LocalDate firstDue = first.isAfter(incorporated.plusMonths(12))
                ? latest(incorporated.plusMonths(plc ? 18 : 21), first.plusMonths(3))
                : first.plusMonths(monthsToFile);
        // Most companies file in the last months before the deadline; a few file late.
        int lag = switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> 60 + random.nextInt(90);
            case 6 -> 280 + random.nextInt(60);
            default -> 150 + random.nextInt(120);
        };
        // The last period filed by asOf is the last one that ended at least lag days before it.
        LocalDate cutoff = asOf.minusDays(lag);
        LocalDate lastFiled = periodEnd(cutoff.getYear(), refMonth, refDay);
        if (lastFiled.isAfter(cutoff)) {
            lastFiled = periodEnd(cutoff.getYear() - 1, refMonth, refDay);
        }
        if (lastFiled.isBefore(first)) {
            lastFiled = null;
        }
        if (behind && lastFiled != null) {
            lastFiled = lastFiled.equals(first) ? null : periodEnd(lastFiled.getYear() - 1, refMonth, refDay);
        }
        LocalDate nextDue = lastFiled == null
                ? firstDue
                : periodEnd(lastFiled.getYear() + 1, refMonth, refDay).plusMonths(monthsToFile);
        String accountCategory =
                lastFiled == null ? "NO ACCOUNTS FILED" : category(lastFiled, category, sector, random);
        return new Company.Accounts(refDay, refMonth, nextDue, lastFiled, accountCategory);
    }

    static Company.Statements statements(
            LocalDate incorporated, LocalDate asOf, boolean behind, SplittableRandom random) {
        LocalDate returnLast = null;
        LocalDate returnNext = null;
        if (incorporated.isBefore(STATEMENTS_BEGAN)) {
            long years = ChronoUnit.YEARS.between(incorporated, STATEMENTS_BEGAN.minusDays(1));
            returnLast = years >= 1 ? incorporated.plusYears(years) : null;
            returnNext = (returnLast == null ? incorporated : returnLast)
                    .plusYears(1)
                    .plusDays(28);
        }
        long years = ChronoUnit.YEARS.between(incorporated, asOf);
        if (years >= 1
                && incorporated.plusYears(years).plusDays(random.nextInt(14)).isAfter(asOf)) {
            years--;
        }
        if (behind && years >= 1) {
            years--;
        }
        LocalDate confirmationLast =
                years >= 1 && !incorporated.plusYears(years).isBefore(STATEMENTS_BEGAN)
                        ? incorporated.plusYears(years)
                        : null;
        LocalDate confirmationNext =
                incorporated.plusYears(Math.max(years, 0) + 1).plusDays(14);
        return new Company.Statements(returnNext, returnLast, confirmationNext, confirmationLast);
    }

    private static String category(LocalDate madeUpTo, Category category, Sector sector, SplittableRandom random) {
        Weighted<String> mix = category == Category.PUBLIC
                ? PUBLIC
                : sector == Sector.DORMANT ? DORMANT : sector == Sector.HOLDING ? HOLDINGS : COMMON;
        String picked = mix.pick(random);
        // Micro-entity and abridged accounts only exist since 2014 and 2016; "total exemption
        // small" was their predecessor and ended with them.
        int year = madeUpTo.getYear();
        if ((picked.equals("MICRO ENTITY") && year < 2014) || (picked.equals("UNAUDITED ABRIDGED") && year < 2016)) {
            return "TOTAL EXEMPTION SMALL";
        }
        return picked.equals("TOTAL EXEMPTION SMALL") && year >= 2017 ? "TOTAL EXEMPTION FULL" : picked;
    }

    private static LocalDate periodEnd(int year, int month, int day) {
        int length = month == 2 && Year.isLeap(year) ? 29 : DAYS_IN_MONTH[month];
        return LocalDate.of(year, month, Math.min(day, length));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Weights in the order MICRO ENTITY … INITIAL of the code below; zero leaves one out. */
    private static Weighted<String> accountCategories(int... weights) {
        String[] categories = {
            "MICRO ENTITY",
            "TOTAL EXEMPTION FULL",
            "UNAUDITED ABRIDGED",
            "DORMANT",
            "SMALL",
            "TOTAL EXEMPTION SMALL",
            "FULL",
            "GROUP",
            "MEDIUM",
            "AUDIT EXEMPTION SUBSIDIARY",
            "FILING EXEMPTION SUBSIDIARY",
            "PARTIAL EXEMPTION",
            "ACCOUNTS TYPE NOT AVAILABLE",
            "INITIAL"
        };
        Weighted.Builder<String> builder = Weighted.builder();
        for (int i = 0; i < categories.length; i++) {
            if (weights[i] > 0) {
                builder.add(categories[i], weights[i]);
            }
        }
        return builder.build();
    }
}
