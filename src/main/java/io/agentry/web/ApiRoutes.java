package io.agentry.web;

import java.util.ArrayList;
import java.util.List;

/** Every route of the API, feature by feature. */
final class ApiRoutes {
    private ApiRoutes() {}

    static List<Route> all() {
        Routes routes = new Routes();
        HealthRoutes.addTo(routes);
        OrgRoutes.addTo(routes);
        RunnerRoutes.addTo(routes);
        EngineRoutes.addTo(routes);
        ExecuteRoutes.addTo(routes);
        StreamRoutes.addTo(routes);
        WebhookRoutes.addTo(routes);
        EventRoutes.addTo(routes);
        // The document describes every route, itself included.
        List<Route> all = new ArrayList<>();
        routes.get(
                "/api/openapi.json",
                Access.PUBLIC,
                "This document: every route the server has",
                call -> OpenApi.document(all, version()));
        all.addAll(routes.list());
        return List.copyOf(all);
    }

    private static String version() {
        String version = ApiRoutes.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
