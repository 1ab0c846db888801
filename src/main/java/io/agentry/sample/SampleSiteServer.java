package io.agentry.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agentry.website.BenchSites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled sample websites ({@code samples/sites/<slug>.example/} in the jar), served on
 * 127.0.0.1 at a port the system picks. The sample companies' websites are {@code
 * http://<slug>.example/}, names that can never resolve ({@code .example} is reserved, RFC 2606),
 * so the server is reached as an HTTP proxy: {@link #proxy()} sends every {@code *.example} host
 * to it and leaves every other host to the JVM's default proxy selector. A request names its site
 * in its absolute URI (or its {@code Host} header); {@code /} is the site's {@code index.html},
 * {@code /careers.html} and {@code /robots.txt} are what they say, anything else is a 404, as is a
 * host the sample has no site for.
 */
public final class SampleSiteServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SampleSiteServer.class);
    private static final String ROOT = "samples/sites/";
    private static final String DOMAIN = ".example";
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.example");
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|txt)");

    private final HttpServer server;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private SampleSiteServer(HttpServer server) {
        this.server = server;
    }

    /** Starts the server on the loopback interface, port 0. */
    public static SampleSiteServer start() {
        BenchSites.noDelay();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            SampleSiteServer sites = new SampleSiteServer(server);
            server.createContext("/", sites::handle);
            server.start();
            return sites;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sample website server on 127.0.0.1", e);
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Requests answered so far, 404s included. */
    public long requests() {
        return requests.get();
    }

    /** {@code *.example} hosts through this server; every other host as the JVM's default selector says. */
    public ProxySelector proxy() {
        Proxy local = new Proxy(Proxy.Type.HTTP, address());
        ProxySelector fallback = ProxySelector.getDefault();
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                if (host != null && host.toLowerCase(Locale.ROOT).endsWith(DOMAIN)) {
                    return List.of(local);
                }
                return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                if (fallback != null) {
                    fallback.connectFailed(uri, address, e);
                }
            }
        };
    }

    private void handle(HttpExchange exchange) {
        requests.incrementAndGet();
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(
                        exchange,
                        405,
                        "text/plain; charset=utf-8",
                        "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String host = host(exchange);
            String path = exchange.getRequestURI().getPath();
            String file = path == null || path.equals("/") ? "index.html" : path.substring(1);
            Optional<byte[]> body =
                    HOST.matcher(host).matches() && FILE.matcher(file).matches()
                            ? files.computeIfAbsent(host + "/" + file, SampleSiteServer::read)
                            : Optional.empty();
            if (body.isEmpty()) {
                send(
                        exchange,
                        404,
                        "text/plain; charset=utf-8",
                        ("no such page on the sample site " + host + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                send(
                        exchange,
                        200,
                        file.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
                        body.get());
            }
        } catch (IOException e) {
            log.debug("Sample site reply failed: {}", e.toString());
        }
    }

    /** The site's name: from the absolute URI a proxy is sent, else the {@code Host} header; without port. */
    private static String host(HttpExchange exchange) {
        String host = exchange.getRequestURI().getHost();
        if (host == null) {
            host = exchange.getRequestHeaders().getFirst("Host");
        }
        if (host == null) {
            return "";
        }
        int colon = host.indexOf(':');
        return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = SampleSiteServer.class.getClassLoader().getResourceAsStream(ROOT + resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample page " + resource, e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
