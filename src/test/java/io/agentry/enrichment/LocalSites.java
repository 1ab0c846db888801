package io.agentry.enrichment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agentry.support.Threads;
import io.agentry.website.WebsiteOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Company websites for tests, on one local server reached as the analyzer's HTTP proxy: a host
 * may serve a home page (and a careers page), stall without answering until the server closes, or
 * be dead, its requests routed to a port where nothing listens. Unknown hosts and paths answer 404,
 * robots.txt included (which lets everything be fetched). Counts the requests per host.
 */
public final class LocalSites implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers;
    private final InetSocketAddress nowhere;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Set<String> stalling = ConcurrentHashMap.newKeySet();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private LocalSites(HttpServer server, ExecutorService handlers, InetSocketAddress nowhere) {
        this.server = server;
        this.handlers = handlers;
        this.nowhere = nowhere;
    }

    public static LocalSites start() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService handlers = Executors.newCachedThreadPool(Threads.factory("local-sites"));
        InetSocketAddress nowhere;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), closed.getLocalPort());
        }
        LocalSites sites = new LocalSites(server, handlers, nowhere);
        server.createContext("/", sites::handle);
        server.setExecutor(handlers);
        server.start();
        return sites;
    }

    /** A company home page at {@code http://<host>/} with a few technologies, a profile, an address and a careers page. */
    public LocalSites company(String host, String name) {
        pages.put(host + "/", """
                <!doctype html>
                <html lang="en-GB"><head><meta charset="utf-8">
                <title>%1$s</title>
                <meta name="description" content="%1$s makes precision parts in Sheffield.">
                <script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>
                <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css">
                </head><body>
                <nav><a href="/">Home</a> <a href="/careers">Careers</a></nav>
                <main><h1>%1$s</h1><p>Write to hello@%2$s.</p></main>
                <footer><a href="mailto:sales@%2$s">Contact</a>
                <a href="https://www.linkedin.com/company/%2$s/">LinkedIn</a></footer>
                </body></html>
                """.formatted(name, host));
        pages.put(host + "/careers", """
                <!doctype html>
                <html><head><title>Careers</title>
                <script type="application/ld+json">[
                  {"@context":"https://schema.org","@type":"JobPosting","title":"Machinist"},
                  {"@context":"https://schema.org","@type":"JobPosting","title":"Buyer"}]</script>
                </head><body><h1>Careers</h1></body></html>
                """);
        return this;
    }

    /** A host that takes requests and never answers. */
    public LocalSites stalling(String host) {
        stalling.add(host);
        return this;
    }

    /** A host where nothing listens: connections are refused. */
    public LocalSites dead(String host) {
        dead.add(host);
        return this;
    }

    /** Fetching through this server, with short limits: a stalled site gives up after a second. */
    public WebsiteOptions options() {
        return WebsiteOptions.defaults()
                .withProxy(new Router())
                .withRequestTimeout(Duration.ofSeconds(1))
                .withSiteBudget(Duration.ofSeconds(3));
    }

    public int requests(String host) {
        AtomicInteger count = requests.get(host);
        return count == null ? 0 : count.get();
    }

    public int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host"))
                    .toLowerCase(Locale.ROOT);
            requests.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            if (stalling.contains(host)) {
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            String page = pages.get(host + exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found\n" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // a stalled request the analyzer abandoned
        }
    }

    /** Sends a dead host's requests where nothing listens, every other one to this server. */
    private final class Router extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            InetSocketAddress to = dead.contains(uri.getHost()) ? nowhere : server.getAddress();
            return List.of(new Proxy(Proxy.Type.HTTP, to));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
