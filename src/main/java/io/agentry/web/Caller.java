package io.agentry.web;

import io.agentry.key.KeyHolder;
import java.util.UUID;

/** Who made a request: an org's key, the operator, or (on public routes) nobody. */
public record Caller(KeyHolder key, boolean operator) {
    static final Caller NOBODY = new Caller(null, false);
    static final Caller OPERATOR = new Caller(null, true);

    static Caller of(KeyHolder key) {
        return new Caller(key, false);
    }

    /** The caller's org, or null for the operator and nobody. */
    public UUID orgId() {
        return key == null ? null : key.orgId();
    }
}
