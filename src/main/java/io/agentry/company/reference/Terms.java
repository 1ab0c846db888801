package io.agentry.company.reference;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a user's word is compared with a label: case, spaces and punctuation do not count, and
 * {@code &} reads as "and", so "E-Commerce", "ecommerce" and "e commerce" are one term, as are
 * "Data & Analytics" and "data and analytics".
 */
final class Terms {
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

    private Terms() {}

    static String key(String term) {
        String lower = term.toLowerCase(Locale.ROOT).replace("&", "and");
        return NOT_LETTER_OR_DIGIT.matcher(lower).replaceAll("");
    }
}
