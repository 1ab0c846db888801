package io.agentry.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Where a newest-first page ended: the time and id of its last row, as lists ordered by {@code
 * (time DESC, id DESC)} continue from it. Both are null for the first page.
 */
record Keyset(Instant at, UUID id) {
    /** The place {@code call}'s cursor names; both null without one. */
    static Keyset of(Call call) {
        Cursor cursor = call.cursor();
        if (cursor == null) {
            return new Keyset(null, null);
        }
        try {
            return new Keyset(Instant.parse(cursor.value(0)), Params.uuid("cursor", cursor.value(1)));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "cursor is not one this list gave");
        }
    }
}
