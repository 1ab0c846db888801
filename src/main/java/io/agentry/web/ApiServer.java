package io.agentry.web;

import io.agentry.key.ApiKeys;
import io.agentry.support.Ids;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseHandler;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP API (Javalin on Jetty): the routes of {@link ApiRoutes}, each behind {@link
 * Authenticator}; errors answered by {@link Errors}; every request logged with its method, path,
 * status, duration and request id ({@code X-Request-Id}, also in the response), and timed in
 * {@code http_server_requests}. A stop finishes the requests in flight, up to the grace.
 */
public final class ApiServer implements AutoCloseable {
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Javalin javalin;
    private final List<Route> routes;

    private ApiServer(Javalin javalin, List<Route> routes) {
        this.javalin = javalin;
        this.routes = routes;
    }

    public static ApiServer start(ApiConfig config, Services services) {
        List<Route> routes = ApiRoutes.all();
        QueueDepth.register(services.meters(), services.database().dataSource());
        services.runner().recordTo(services.meters());
        Authenticator authenticator = new Authenticator(
                new ApiKeys(services.database().dataSource()),
                config.adminToken(),
                new FailedLogins(services.clock(), config.authFailuresPerMinute(), Duration.ofMinutes(1)));
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.jetty.host = config.bind();
            javalinConfig.jetty.port = config.port();
            javalinConfig.http.maxRequestSize = config.maxBodyBytes();
            javalinConfig.http.defaultContentType = "application/json";
            // Jetty then waits for requests in flight (Javalin's StatisticsHandler tracks them).
            javalinConfig.jetty.modifyServer(
                    server -> server.setStopTimeout(config.shutdownGrace().toMillis()));
            javalinConfig.routes.before(ApiServer::tagRequest);
            for (Route route : routes) {
                javalinConfig.routes.addHttpHandler(
                        route.method(), route.path(), handler(route, authenticator, services));
            }
            javalinConfig.routes.exception(HttpResponseException.class, Errors::respond);
            javalinConfig.routes.exception(Exception.class, Errors::respond);
            javalinConfig.requestLogger.http((context, millis) -> logged(context, millis, services));
        });
        javalin.start();
        ApiServer server = new ApiServer(javalin, routes);
        log.info("HTTP API listening on http://{}:{}", config.bind(), server.port());
        return server;
    }

    private static Handler handler(Route route, Authenticator authenticator, Services services) {
        if (route.events() != null) {
            return context -> {
                Call call = new Call(context, authenticator.admit(context, route.access()), services);
                new SseHandler(client -> {
                            try {
                                route.events().subscribe(call, client);
                            } catch (Exception e) {
                                log.warn("Event stream {} ended: {}", context.path(), e.toString());
                                client.close();
                            }
                        })
                        .handle(context);
            };
        }
        return context -> {
            Call call = new Call(context, authenticator.admit(context, route.access()), services);
            Object body = route.action().handle(call);
            if (body == null) {
                context.status(204);
            } else if (body != Call.RAW) {
                context.contentType("application/json").result(io.agentry.support.Json.write(body));
            }
        };
    }

    private static void tagRequest(Context context) {
        String given = context.header(REQUEST_ID);
        String id = given != null && CLIENT_REQUEST_ID.matcher(given).matches()
                ? given
                : Ids.newId().toString();
        context.header(REQUEST_ID, id);
        MDC.put("request_id", id);
    }

    private static void logged(Context context, float millis, Services services) {
        String route = context.endpoint() != null ? context.endpoint().path : "unmatched";
        int status = context.status().getCode();
        Timer.builder("http.server.requests")
                .tag("method", context.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(status))
                .register(services.meters())
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        log.info(
                "{} {} {} {} ms request_id={}",
                context.method(),
                context.path(),
                status,
                String.format("%.1f", millis),
                context.res().getHeader(REQUEST_ID));
        MDC.remove("request_id");
    }

    public int port() {
        return javalin.port();
    }

    /** What the router itself holds: "METHOD path" of every request handler it matches. */
    List<String> routerEndpoints() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /** Every route this server serves. */
    public List<Route> routes() {
        return routes;
    }

    /** Stops accepting requests, and returns once those in flight finished or the grace ran out. */
    @Override
    public void close() {
        javalin.stop();
    }
}
