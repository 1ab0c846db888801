package io.agentry.companieshouse;

import java.util.Locale;
import java.util.regex.Pattern;

/** Company numbers as the register writes them: eight characters, upper case. */
public final class CompanyNumber {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,8}");
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{8}");

    private CompanyNumber() {}

    /**
     * The number trimmed and upper-cased; a purely numeric one shorter than eight digits is
     * left-padded with zeros ({@code "6"} is {@code "00000006"}).
     *
     * @throws IllegalArgumentException naming the value when it is not a company number
     */
    public static String normalise(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Not a company number: null");
        }
        String number = value.strip().toUpperCase(Locale.ROOT);
        if (DIGITS.matcher(number).matches()) {
            number = "0".repeat(8 - number.length()) + number;
        }
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("Not a company number: \"" + value
                    + "\" (expected 8 letters or digits, such as 00000006 or SC123456)");
        }
        return number;
    }
}
