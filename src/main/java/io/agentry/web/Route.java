package io.agentry.web;

import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;

/**
 * One route of the API: what {@link ApiServer} serves, what the OpenAPI document lists, and what
 * the role tests walk. Exactly one of {@code action} and {@code events} is set.
 *
 * @param body the record a request's JSON body is read into, or null for routes without one
 */
public record Route(
        HandlerType method, String path, Access access, String summary, Class<?> body, Action action, Events events) {

    /** A JSON route: returns the response body (null: 204), after {@link Call#status} if not 200. */
    @FunctionalInterface
    public interface Action {
        Object handle(Call call) throws Exception;
    }

    /** A server-sent-events route: keeps the client until it leaves or the server stops. */
    @FunctionalInterface
    public interface Events {
        void subscribe(Call call, SseClient client) throws Exception;
    }

    public boolean mutates() {
        return method != HandlerType.GET;
    }
}
