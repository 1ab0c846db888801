package io.agentry.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Path and query parameters read with errors that name them. */
final class Params {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Params() {}

    static UUID uuid(String name, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw ApiException.invalid(name, name + " must be a UUID, not '" + value + "'");
        }
        return UUID.fromString(value);
    }

    static int limit(String value, int defaultLimit, int max) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.invalid("limit", "limit must be a whole number from 1 to " + max + ", not '" + value + "'");
    }
}
