package io.agentry.website;

import io.agentry.support.Clock;
import io.agentry.website.WebsiteAnalysis.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One GET, on the host's turn, within a deadline. The request's own timeout covers connecting and
 * waiting for the response headers; the body is given what is left of the same deadline (see
 * {@link BoundedBody#expireAfter}), so a server that trickles or stalls mid-body is cut off too.
 * Either is a {@link Outcome#TIMEOUT}; a failure without any response is {@link
 * Outcome#UNREACHABLE}. Redirects are not followed here: each hop is a fetch of its own (see
 * {@link Navigator}).
 *
 * <p>The exchange is made with {@code HttpClient.send} on the calling thread. {@code sendAsync}
 * would hand every completed response to the common pool's default executor, which on a machine
 * with fewer than three cores starts a new thread per response.
 */
final class HttpFetcher {
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

    /** Which subscriber reads a response's body, given its status and headers. */
    interface BodyPolicy {
        BoundedBody subscriberFor(HttpResponse.ResponseInfo response);
    }

    private final HttpClient client;
    private final HostGate gate;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final String userAgent;
    private final Duration requestTimeout;

    HttpFetcher(
            HttpClient client,
            HostGate gate,
            ScheduledExecutorService timer,
            Clock clock,
            String userAgent,
            Duration requestTimeout) {
        this.client = client;
        this.gate = gate;
        this.timer = timer;
        this.clock = clock;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
    }

    Response get(URI uri, BodyPolicy body, Budget budget) throws FetchFailure, InterruptedException {
        String host = uri.getHost();
        if (!gate.enter(host, budget.remaining())) {
            throw new FetchFailure(Outcome.TIMEOUT, uri, null, "the site budget ran out waiting for " + host);
        }
        try {
            return exchange(uri, body, budget.window(requestTimeout));
        } finally {
            gate.leave(host);
        }
    }

    private Response exchange(URI uri, BodyPolicy body, Duration window) throws FetchFailure, InterruptedException {
        if (window.isZero()) {
            throw new FetchFailure(Outcome.TIMEOUT, uri, null, "the site budget ran out before " + uri);
        }
        long deadline = clock.nanoTime() + window.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(window)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Language", "en-GB,en;q=0.8")
                .build();
        BodyHandler<Body> handler =
                info -> body.subscriberFor(info).expireAfter(deadline - clock.nanoTime(), timer, window);
        try {
            HttpResponse<Body> response = client.send(request, handler);
            return new Response(uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw failure(uri, e, window);
        }
    }

    private static FetchFailure failure(URI uri, IOException cause, Duration window) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchFailure(Outcome.TIMEOUT, uri, null, "no connection within " + millis(window), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchFailure(Outcome.TIMEOUT, uri, null, "no complete response within " + millis(window), cause);
        }
        return new FetchFailure(Outcome.UNREACHABLE, uri, null, describe(cause), cause);
    }

    /** The exception and its causes, briefly: {@code ConnectException (UnresolvedAddressException)}. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 300; t = t.getCause()) {
            text.append(t == failure ? "" : " (")
                    .append(t.getClass().getSimpleName())
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage())
                    .append(t == failure ? "" : ")");
        }
        return text.toString();
    }

    private static String millis(Duration window) {
        return window.toMillis() + " ms";
    }
}
