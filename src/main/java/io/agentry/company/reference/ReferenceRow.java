package io.agentry.company.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One data line of a reference file, its trimmed fields by column. */
record ReferenceRow(String file, long line, Map<String, String> fields) {
    /** Spaces or semicolons: lists of codes are written either way. */
    static final Pattern CODE_SEPARATOR = Pattern.compile("[\\s;]+");
    /** Semicolons only: the items themselves hold spaces ("North West", "Machine Learning"). */
    static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*;\\s*");

    /** The field, or "" when it is empty or the column is left out. */
    String text(String column) {
        return fields.getOrDefault(column, "");
    }

    String required(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw problem("the " + column + " column is empty");
        }
        return value;
    }

    List<String> list(String column, Pattern separator) {
        String value = text(column);
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(separator.split(value))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    int wholeNumber(String column) {
        Long value = optionalWholeNumber(column);
        if (value == null) {
            throw problem("the " + column + " column is empty");
        }
        if (value > Integer.MAX_VALUE) {
            throw problem(column + " " + value + " is too large");
        }
        return value.intValue();
    }

    /** A non-negative whole number, or null when the field is empty ("no limit"). */
    Long optionalWholeNumber(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw problem(column + " " + value + " is negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw problem(column + " \"" + value + "\" is not a whole number");
        }
    }

    ReferenceDataException problem(String message) {
        return new ReferenceDataException(file + ", line " + line + ": " + message);
    }
}
