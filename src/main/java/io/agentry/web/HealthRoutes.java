package io.agentry.web;

import io.agentry.db.Sql;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What load balancers and monitoring read, without a key: health and metrics. */
final class HealthRoutes {
    private HealthRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                        "/health",
                        Access.PUBLIC,
                        "Whether the database answers, and the runner's state",
                        HealthRoutes::health)
                .get("/metrics", Access.PUBLIC, "Prometheus metrics", call -> {
                    call.context().contentType("text/plain; version=0.0.4; charset=utf-8");
                    call.context().result(call.services().meters().scrape());
                    return Call.RAW;
                });
    }

    private static Object health(Call call) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean database;
        try {
            database = Sql.run(call.database().dataSource(), connection -> connection.isValid(2));
        } catch (RuntimeException e) {
            database = false;
        }
        body.put("status", database ? "ok" : "unavailable");
        body.put("database", database ? "reachable" : "unreachable");
        body.put("runner", call.services().runner().status().state().name().toLowerCase(Locale.ROOT));
        if (!database) {
            call.status(503);
        }
        return body;
    }
}
