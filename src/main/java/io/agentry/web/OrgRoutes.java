package io.agentry.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.key.ApiKeys;
import io.agentry.key.KeyRole;
import io.agentry.key.NewKey;
import io.agentry.org.DuplicateOrganizationException;
import io.agentry.org.Organization;
import io.agentry.org.Organizations;
import java.util.LinkedHashMap;
import java.util.Map;

/** Organizations, made by the operator, and their keys, managed by each org's admins. */
final class OrgRoutes {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewOrg(String name) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyRequest(String name, String role) {}

    private OrgRoutes() {}

    static void addTo(Routes routes) {
        routes.post(
                        "/api/orgs",
                        Access.OPERATOR,
                        "Create an organization and its first admin key",
                        NewOrg.class,
                        OrgRoutes::createOrg)
                .get(
                        "/api/orgs",
                        Access.OPERATOR,
                        "List organizations",
                        call -> Map.of("orgs", new Organizations(call.database().dataSource()).list()))
                .post(
                        "/api/keys",
                        Access.ADMIN,
                        "Create a key of the caller's org",
                        KeyRequest.class,
                        OrgRoutes::createKey)
                .get(
                        "/api/keys",
                        Access.ADMIN,
                        "List the org's keys (never the keys themselves)",
                        call -> Map.of("keys", new ApiKeys(call.data()).list(call.orgId())))
                .delete("/api/keys/{id}", Access.ADMIN, "Revoke a key: refused at once on every node", call -> {
                    if (!new ApiKeys(call.data()).revoke(call.orgId(), call.pathId("id"))) {
                        throw ApiException.notFound("key");
                    }
                    return null;
                });
    }

    private static Object createOrg(Call call) {
        NewOrg request = call.body(NewOrg.class);
        String name = required("name", request.name());
        Organization org;
        try {
            org = new Organizations(call.database().dataSource()).create(name);
        } catch (DuplicateOrganizationException e) {
            throw new ApiException(409, "conflict", e.getMessage(), Map.of("field", "name"));
        }
        NewKey key = new ApiKeys(call.database().dataSource()).create(org.id(), "first admin key", KeyRole.ADMIN);
        Map<String, Object> apiKey = new LinkedHashMap<>();
        apiKey.put("id", key.apiKey().id());
        apiKey.put("key", key.key());
        apiKey.put("role", KeyRole.ADMIN);
        call.status(201);
        return Map.of("org", org, "api_key", apiKey);
    }

    private static Object createKey(Call call) {
        KeyRequest request = call.body(KeyRequest.class);
        String name = required("name", request.name());
        KeyRole role = KeyRole.parse(required("role", request.role()))
                .orElseThrow(() -> ApiException.invalid("role", "role must be one of viewer, editor, admin"));
        NewKey key = new ApiKeys(call.data()).create(call.orgId(), name, role);
        call.status(201);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key.apiKey().id());
        body.put("name", key.apiKey().name());
        body.put("role", role);
        body.put("key", key.key());
        body.put("created_at", key.apiKey().createdAt());
        return body;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, field + " is required");
        }
        if (value.length() > 200) {
            throw ApiException.invalid(field, field + " must be at most 200 characters");
        }
        return value.strip();
    }
}
