package io.agentry.website;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agentry.support.Threads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that plays many sites: the analyzer reaches it as its HTTP proxy, so
 * {@code http://acme.example/} arrives here with {@code Host: acme.example}. It answers with the
 * {@link Reply} set for the host and path (404 otherwise, robots.txt included), and records every
 * request and how many of them overlapped, per host and overall. Delayed replies end early when
 * the server closes.
 */
final class FixtureServer implements AutoCloseable {
    record Request(String host, String path, String userAgent) {}

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private final AtomicLong endlessBytesWritten = new AtomicLong();
    private final CountDownLatch endlessFinished = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);

    private FixtureServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    static FixtureServer start() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        ExecutorService handlers = Executors.newCachedThreadPool(Threads.factory("fixture-server"));
        FixtureServer fixtures = new FixtureServer(server, handlers);
        server.createContext("/", fixtures::handle);
        server.setExecutor(handlers);
        server.start();
        return fixtures;
    }

    FixtureServer on(String host, String path, Reply reply) {
        replies.put(host + path, reply);
        return this;
    }

    ProxySelector proxy() {
        return ProxySelector.of(server.getAddress());
    }

    /** Options for tests: through this server, with short timeouts. */
    WebsiteOptions options() {
        return WebsiteOptions.defaults()
                .withProxy(proxy())
                .withRequestTimeout(Duration.ofSeconds(3))
                .withSiteBudget(Duration.ofSeconds(5));
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<String> pathsRequested(String host) {
        return requests().stream()
                .filter(r -> r.host().equals(host))
                .map(Request::path)
                .toList();
    }

    int maxConcurrent(String host) {
        AtomicInteger max = maxInFlight.get(host);
        return max == null ? 0 : max.get();
    }

    int maxConcurrentOverall() {
        return maxConcurrent("*");
    }

    long endlessBytesWritten() {
        return endlessBytesWritten.get();
    }

    /** Whether an endless reply has stopped writing, because the client hung up or it was all sent. */
    boolean endlessFinished() {
        return endlessFinished.getCount() == 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String host =
                String.valueOf(exchange.getRequestHeaders().getFirst("Host")).toLowerCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        synchronized (requests) {
            requests.add(new Request(host, path, exchange.getRequestHeaders().getFirst("User-Agent")));
        }
        enter(host);
        enter("*");
        boolean left = false;
        try (exchange) {
            Reply reply = replies.getOrDefault(host + path, Reply.status(404));
            if (!reply.delay().isZero()) {
                closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
            // counted out before the answer leaves, so the client's next request can never
            // arrive while this one still counts
            leave(host);
            leave("*");
            left = true;
            reply.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
            if (reply.endlessBytes() == Reply.STALLS) {
                sendAndStall(exchange, reply);
            } else if (reply.endlessBytes() > 0) {
                sendEndless(exchange, reply);
            } else {
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                if (reply.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply.body());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientHungUp) {
            // the analyzer cut the body off or gave up waiting: what several tests expect
        } finally {
            if (!left) {
                leave(host);
                leave("*");
            }
        }
    }

    private void sendAndStall(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        exchange.sendResponseHeaders(reply.status(), 0);
        OutputStream out = exchange.getResponseBody();
        out.write(reply.body());
        out.flush();
        closing.await();
    }

    private void sendEndless(HttpExchange exchange, Reply reply) throws IOException {
        exchange.sendResponseHeaders(reply.status(), 0);
        byte[] filler =
                "<p>more and more filler text, on and on</p>\n".repeat(200).getBytes();
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
            long written = reply.body().length;
            while (written < reply.endlessBytes() && closing.getCount() > 0) {
                out.write(filler);
                written += filler.length;
                endlessBytesWritten.set(written);
            }
        } finally {
            endlessFinished.countDown();
        }
    }

    private void enter(String key) {
        int now = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        maxInFlight.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    }

    private void leave(String key) {
        inFlight.get(key).decrementAndGet();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
