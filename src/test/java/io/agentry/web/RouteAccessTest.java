package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.key.KeyRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call each mutating route, for every caller there is: no key, an org's viewer, editor
 * and admin keys, and the operator token. Generated from the route table, so a new route is
 * covered the day it is added. A caller without the right is refused before the route runs (401
 * or 403); one with it gets past the check (made harmless: ids that do not exist, an empty body).
 */
class RouteAccessTest {
    static ApiTestServer api;
    static ApiTestServer.Org org;

    enum Who {
        NOBODY,
        VIEWER,
        EDITOR,
        ADMIN,
        OPERATOR
    }

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        org = api.newOrg("access-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Stream<Object[]> mutatingRoutesAndCallers() {
        List<Object[]> cases = new ArrayList<>();
        for (Route route : ApiRoutes.all()) {
            if (route.mutates()) {
                for (Who who : Who.values()) {
                    cases.add(new Object[] {route.method().name() + " " + route.path(), route, who});
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("mutatingRoutesAndCallers")
    void only_callers_with_the_right_get_past_the_check(String name, Route route, Who who) {
        String path = route.path().replaceAll("\\{[a-zA-Z]+}", UUID.randomUUID().toString());
        ApiClient.Response response = client(who).send(route.method().name(), path, route.body() == null ? null : "{}");

        if (allowed(route.access(), who)) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403);
        } else if (who == Who.NOBODY) {
            response.expectError(401, "unauthorized");
        } else {
            response.expectError(403, "forbidden");
            assertThat(response.json().path("error").asText()).isEqualTo("Access denied");
        }
    }

    private static boolean allowed(Access access, Who who) {
        return switch (who) {
            case NOBODY -> access == Access.PUBLIC;
            case OPERATOR -> access == Access.PUBLIC || access.operatorAllowed();
            case VIEWER -> access.role() != null && KeyRole.VIEWER.allows(access.role());
            case EDITOR -> access.role() != null && KeyRole.EDITOR.allows(access.role());
            case ADMIN -> access.role() != null && KeyRole.ADMIN.allows(access.role());
        };
    }

    private static ApiClient client(Who who) {
        return switch (who) {
            case NOBODY -> api.anonymous();
            case VIEWER -> org.viewer();
            case EDITOR -> org.editor();
            case ADMIN -> org.admin();
            case OPERATOR -> api.operator;
        };
    }
}
