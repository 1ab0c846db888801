package io.agentry.key;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an org's key may do. Each role may do all that the roles before it may. */
public enum KeyRole {
    /** Reads everything of its org. */
    VIEWER,
    /** Also executes agents and workflows, edits streams and assignments, cancels and retries tasks. */
    EDITOR,
    /** Also manages agents, keys and webhooks. */
    ADMIN;

    @JsonValue
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allows(KeyRole needed) {
        return compareTo(needed) >= 0;
    }

    public static Optional<KeyRole> parse(String text) {
        return Arrays.stream(values()).filter(role -> role.sql().equals(text)).findFirst();
    }
}
