package io.agentry.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of a list ended: the sort key of its last row, opaque to clients. A list reads
 * the next page with a keyset condition ({@code (created_at, id) < (?, ?)}), never an offset.
 */
public record Cursor(List<String> values) {
    public static Cursor of(Object... values) {
        return new Cursor(java.util.Arrays.stream(values).map(String::valueOf).toList());
    }

    public String value(int index) {
        if (index >= values.size()) {
            throw ApiException.invalid("cursor", "cursor is not one this list gave");
        }
        return values.get(index);
    }

    public String encode() {
        String joined = String.join("\n", values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String text) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            return new Cursor(List.of(joined.split("\n", -1)));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "cursor is not one this list gave");
        }
    }
}
