package io.agentry.web;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/** Collects a feature's routes: {@code routes.get("/api/keys", Access.VIEWER, "List keys", call -> …)}. */
public final class Routes {
    private final List<Route> routes = new ArrayList<>();

    public Routes get(String path, Access access, String summary, Route.Action action) {
        return add(HandlerType.GET, path, access, summary, null, action);
    }

    public Routes post(String path, Access access, String summary, Class<?> body, Route.Action action) {
        return add(HandlerType.POST, path, access, summary, body, action);
    }

    public Routes patch(String path, Access access, String summary, Class<?> body, Route.Action action) {
        return add(HandlerType.PATCH, path, access, summary, body, action);
    }

    public Routes put(String path, Access access, String summary, Class<?> body, Route.Action action) {
        return add(HandlerType.PUT, path, access, summary, body, action);
    }

    public Routes delete(String path, Access access, String summary, Route.Action action) {
        return add(HandlerType.DELETE, path, access, summary, null, action);
    }

    public Routes events(String path, Access access, String summary, Route.Events events) {
        routes.add(new Route(HandlerType.GET, path, access, summary, null, null, events));
        return this;
    }

    private Routes add(
            HandlerType method, String path, Access access, String summary, Class<?> body, Route.Action action) {
        routes.add(new Route(method, path, access, summary, body, action, null));
        return this;
    }

    List<Route> list() {
        return List.copyOf(routes);
    }
}
