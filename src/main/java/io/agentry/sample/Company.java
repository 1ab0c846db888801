package io.agentry.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * One synthetic company: the values of one row of the Free Company Data Product, plus the sector
 * its name and (for the bundled websites) its home page were drawn from. An empty {@code sicCodes}
 * is written as "None Supplied"; absent dates are null.
 */
record Company(
        String name,
        String number,
        Category category,
        Status status,
        Address address,
        LocalDate incorporated,
        LocalDate dissolved,
        Accounts accounts,
        Statements statements,
        Charges charges,
        Sector sector,
        List<SicCode> sicCodes,
        List<PreviousName> previousNames) {

    /** The registered office. {@code country} is often empty, as in the real file. */
    record Address(
            String careOf,
            String poBox,
            String line1,
            String line2,
            String postTown,
            String county,
            String country,
            String postcode,
            Region region) {}

    /** The accounting reference date (day, month) and the last and next accounts. */
    record Accounts(int refDay, int refMonth, LocalDate nextDue, LocalDate lastMadeUp, String category) {}

    /** Annual returns (until June 2016) and confirmation statements (since). */
    record Statements(
            LocalDate returnNextDue,
            LocalDate returnLastMadeUp,
            LocalDate confirmationNextDue,
            LocalDate confirmationLastMadeUp) {}

    record Charges(int total, int outstanding, int partSatisfied, int satisfied) {
        static final Charges NONE = new Charges(0, 0, 0, 0);
    }

    /** A name the company had until {@code changed}. */
    record PreviousName(LocalDate changed, String name) {}
}
