package io.agentry.sample;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A company as the 55 fields of a Free Company Data Product row, in the header's order. */
final class CompanyRow {
    static final int FIELDS = 55;
    private static final int PREVIOUS_NAMES = 10;
    private static final String URI = "http://business.data.gov.uk/id/company/";
    // Days, months and charge counts are small numbers: one string each, made once.
    private static final String[] SMALL = new String[100];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = String.valueOf(i);
        }
    }

    private CompanyRow() {}

    static String[] fields(Company company) {
        String[] row = new String[FIELDS];
        Arrays.fill(row, "");
        Company.Address address = company.address();
        row[0] = company.name();
        row[1] = company.number();
        row[2] = address.careOf();
        row[3] = address.poBox();
        row[4] = address.line1();
        row[5] = address.line2();
        row[6] = address.postTown();
        row[7] = address.county();
        row[8] = address.country();
        row[9] = address.postcode();
        row[10] = company.category().label();
        row[11] = company.status().label();
        row[12] = "United Kingdom";
        row[13] = date(company.dissolved());
        row[14] = date(company.incorporated());
        Company.Accounts accounts = company.accounts();
        row[15] = number(accounts.refDay());
        row[16] = number(accounts.refMonth());
        row[17] = date(accounts.nextDue());
        row[18] = date(accounts.lastMadeUp());
        row[19] = accounts.category();
        Company.Statements statements = company.statements();
        row[20] = date(statements.returnNextDue());
        row[21] = date(statements.returnLastMadeUp());
        Company.Charges charges = company.charges();
        row[22] = number(charges.total());
        row[23] = number(charges.outstanding());
        row[24] = number(charges.partSatisfied());
        row[25] = number(charges.satisfied());
        List<SicCode> sicCodes = company.sicCodes();
        if (sicCodes.isEmpty()) {
            row[26] = "None Supplied";
        }
        for (int i = 0; i < sicCodes.size(); i++) {
            row[26 + i] = sicCodes.get(i).text();
        }
        row[30] = "0";
        row[31] = "0";
        row[32] = URI + company.number();
        List<Company.PreviousName> previous = company.previousNames();
        for (int i = 0; i < Math.min(previous.size(), PREVIOUS_NAMES); i++) {
            row[33 + 2 * i] = date(previous.get(i).changed());
            row[34 + 2 * i] = previous.get(i).name();
        }
        row[53] = date(statements.confirmationNextDue());
        row[54] = date(statements.confirmationLastMadeUp());
        return row;
    }

    private static String number(int value) {
        return value < SMALL.length ? SMALL[value] : String.valueOf(value);
    }

    /** dd/mm/yyyy. */
    static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        int year = date.getYear();
        if (year < DatesText.FIRST_YEAR || year > DatesText.LAST_YEAR) {
            return DatesText.format(date.getDayOfMonth(), date.getMonthValue(), year);
        }
        return DatesText.TEXT[DatesText.index(date.getDayOfMonth(), date.getMonthValue(), year)];
    }

    /**
     * The text of every date from 1949 to 2030, made once (about 30,000 strings) rather than for
     * each of the up to eighteen dates of every row.
     */
    private static final class DatesText {
        static final int FIRST_YEAR = 1949;
        static final int LAST_YEAR = 2030;
        static final String[] TEXT = new String[(LAST_YEAR - FIRST_YEAR + 1) * 12 * 31];

        static {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                for (int month = 1; month <= 12; month++) {
                    for (int day = 1; day <= 31; day++) {
                        TEXT[index(day, month, year)] = format(day, month, year);
                    }
                }
            }
        }

        static int index(int day, int month, int year) {
            return ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
        }

        static String format(int day, int month, int year) {
            char[] text = {
                (char) ('0' + day / 10),
                (char) ('0' + day % 10),
                '/',
                (char) ('0' + month / 10),
                (char) ('0' + month % 10),
                '/',
                (char) ('0' + year / 1000),
                (char) ('0' + year / 100 % 10),
                (char) ('0' + year / 10 % 10),
                (char) ('0' + year % 10)
            };
            return new String(text);
        }
    }
}
