package io.agentry.company;

import java.util.Locale;
import java.util.Optional;

/**
 * Companies House company numbers: eight characters, digits or two letters then six digits
 * ({@code 07687209}, {@code SC123456}). Numbers kept elsewhere (a CRM export, a spreadsheet) often
 * lost their leading zeros: a shorter all-digit number is padded back to eight.
 */
public final class CompanyNumber {
    private static final int LENGTH = 8;

    private CompanyNumber() {}

    /** The number in its canonical form, or empty if {@code raw} cannot be one. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String number = raw.strip().toUpperCase(Locale.ROOT);
        if (!number.isEmpty() && number.length() < LENGTH && number.chars().allMatch(CompanyNumber::isDigit)) {
            number = "0".repeat(LENGTH - number.length()) + number;
        }
        if (number.length() != LENGTH || !number.chars().allMatch(c -> isDigit(c) || (c >= 'A' && c <= 'Z'))) {
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** The number in its canonical form; anything else is refused, naming the value. */
    public static String require(String raw) {
        return normalise(raw)
                .orElseThrow(() -> new IllegalArgumentException("Not a company number: \"" + raw
                        + "\" (expected 8 letters or digits, such as 00000006 or SC123456)"));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
