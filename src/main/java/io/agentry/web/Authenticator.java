package io.agentry.web;

import io.agentry.key.ApiKeys;
import io.agentry.key.KeyHolder;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Who a request comes from ({@code Authorization: Bearer …}) and whether the route lets them in:
 * 401 without a valid key, 403 with one whose role is not enough, 429 for an address that failed
 * too often.
 */
final class Authenticator {
    private final ApiKeys keys;
    private final byte[] adminToken;
    private final FailedLogins failures;

    Authenticator(ApiKeys keys, String adminToken, FailedLogins failures) {
        this.keys = keys;
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.failures = failures;
    }

    Caller admit(Context context, Access access) {
        if (access == Access.PUBLIC) {
            return Caller.NOBODY;
        }
        String address = context.ip();
        long wait = failures.blockedFor(address);
        if (wait > 0) {
            throw new ApiException(
                    429,
                    "too_many_failed_authentications",
                    "too many failed authentications from this address; try again in " + wait + " s",
                    Map.of("retry_after_seconds", wait));
        }
        Caller caller = identify(context.header("Authorization"));
        if (caller == null) {
            failures.failed(address);
            throw new ApiException(401, "unauthorized", "Unauthorized");
        }
        boolean allowed = caller.operator()
                ? access.operatorAllowed()
                : access.role() != null && caller.key().role().allows(access.role());
        if (!allowed) {
            throw new ApiException(403, "forbidden", "Access denied");
        }
        return caller;
    }

    private Caller identify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        if (adminToken != null && MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Caller.OPERATOR;
        }
        Optional<KeyHolder> holder = keys.authenticate(token);
        return holder.map(Caller::of).orElse(null);
    }
}
