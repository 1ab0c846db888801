package io.agentry.web;

import io.agentry.key.KeyRole;

/** Who may call a route. */
public enum Access {
    /** Anyone, without a key: {@code /health}, {@code /metrics}, the OpenAPI document. */
    PUBLIC(null),
    /** Any key of an org; the route sees that org's data alone. */
    VIEWER(KeyRole.VIEWER),
    EDITOR(KeyRole.EDITOR),
    ADMIN(KeyRole.ADMIN),
    /** The operator token only ({@code AGENTRY_ADMIN_TOKEN}): orgs, the runner. */
    OPERATOR(null),
    /** Any org key, or the operator token (which then sees every org). */
    VIEWER_OR_OPERATOR(KeyRole.VIEWER);

    private final KeyRole role;

    Access(KeyRole role) {
        this.role = role;
    }

    /** The least role an org key needs, or null when no org key may call the route. */
    public KeyRole role() {
        return role;
    }

    public boolean operatorAllowed() {
        return this == OPERATOR || this == VIEWER_OR_OPERATOR;
    }
}
