package io.agentry.website;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agentry.support.Threads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server that stands for many company sites: reached as an HTTP proxy, it answers
 * {@code http://site-00042.bench.example/} and every other such name, each with a robots.txt, a
 * home page with a few technologies and, on even-numbered sites, a careers page with JSON-LD job
 * postings. Every answer leaves after a fixed delay, like a remote server's; the delay is a
 * scheduled task, so a thousand waiting requests hold no threads.
 *
 * <p>The JDK's server writes a response's headers and its body in two TCP segments; with Nagle's
 * algorithm on, the second waits for the client's delayed acknowledgement, about 40 ms more on
 * every answer, which is not what the bench means to measure (a real site's small page arrives in
 * one segment). So the server is started with {@code sun.net.httpserver.nodelay=true}, unless the
 * property was set otherwise; the JDK reads it once, when its first server of the process starts.
 */
public final class BenchSites implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BenchSites.class);

    private final HttpServer server;
    private final ScheduledExecutorService replies;
    private final Duration delay;
    private final AtomicLong requests = new AtomicLong();

    private BenchSites(HttpServer server, ScheduledExecutorService replies, Duration delay) {
        this.server = server;
        this.replies = replies;
        this.delay = delay;
    }

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    public static BenchSites start(Duration delay) throws IOException {
        noDelay();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        BenchSites sites =
                new BenchSites(server, Executors.newScheduledThreadPool(2, Threads.factory("website-bench")), delay);
        server.createContext("/", sites::handle);
        server.setExecutor(null);
        server.start();
        return sites;
    }

    /** Answers in one TCP segment: see the class comment. Call it before the process's first JDK server starts. */
    public static void noDelay() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    public static String url(int site) {
        return String.format(Locale.ROOT, "http://site-%05d.bench.example/", site);
    }

    public ProxySelector proxy() {
        return ProxySelector.of(server.getAddress());
    }

    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) {
        requests.incrementAndGet();
        replies.schedule(() -> reply(exchange), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void reply(HttpExchange exchange) {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            int site = siteNumber(host);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /admin/\n");
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", homePage(site));
            } else if (path.equals("/careers") && site % 2 == 0) {
                send(exchange, 200, "text/html; charset=utf-8", careersPage(site));
            } else {
                send(exchange, 404, "text/plain", "not found\n");
            }
        } catch (IOException e) {
            log.debug("Bench reply failed: {}", e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int siteNumber(String host) {
        String digits = host == null ? "" : host.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(0, Math.min(digits.length(), 9)));
    }

    private static String homePage(int site) {
        String careers = site % 2 == 0 ? "<a href=\"/careers\">Careers</a>" : "";
        return """
                <!doctype html>
                <html lang="en-GB"><head><meta charset="utf-8">
                <title>Company %1$05d Ltd</title>
                <meta name="description" content="Company %1$05d makes things in the United Kingdom.">
                <script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH%1$05d"></script>
                <script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>
                <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css">
                </head><body>
                <header><nav><a href="/">Home</a> <a href="/about">About</a> %2$s</nav></header>
                <main><h1>Company %1$05d</h1><p>We make things. Write to hello@site-%1$05d.co.uk.</p></main>
                <footer><a href="mailto:info@site-%1$05d.co.uk">Contact</a>
                <a href="https://www.linkedin.com/company/company-%1$05d/">LinkedIn</a></footer>
                </body></html>
                """.formatted(site, careers);
    }

    private static String careersPage(int site) {
        StringBuilder postings = new StringBuilder();
        int jobs = site % 5 + 1;
        for (int i = 1; i <= jobs; i++) {
            postings.append(i == 1 ? "" : ",")
                    .append("{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"title\":\"Role ")
                    .append(i)
                    .append("\"}");
        }
        return """
                <!doctype html>
                <html><head><title>Careers</title>
                <script type="application/ld+json">[%s]</script>
                </head><body><h1>Careers</h1></body></html>
                """.formatted(postings);
    }

    @Override
    public void close() {
        server.stop(0);
        replies.shutdownNow();
    }
}
