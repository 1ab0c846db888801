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

    /**
     * A server-sent-events route. {@code open} runs before the stream opens, so it can still refuse
     * the request with an error answer (a 404, say); what it returns feeds the stream once open.
     */
    @FunctionalInterface
    public interface Events {
        EventStream open(Call call) throws Exception;
    }

    /** Feeds an open event stream, and keeps the client until it leaves or the server stops. */
    @FunctionalInterface
    public interface EventStream {
        void start(SseClient client) throws Exception;
    }

    public boolean mutates() {
        return method != HandlerType.GET;
    }
}
