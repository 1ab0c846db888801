package io.agentry.agents;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bundled sample sites ({@code samples/sites/<host>/}) served as they would be on the web:
 * reached as an HTTP proxy, {@code http://arbour-rowan-networks.example/careers.html} arrives here
 * with its host and is answered from that site's folder ({@code /} is {@code index.html}); 404 for
 * anything the site does not have.
 */
final class SampleSitesServer implements AutoCloseable {
    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    private SampleSitesServer(HttpServer server) {
        this.server = server;
    }

    static SampleSitesServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        SampleSitesServer sites = new SampleSitesServer(server);
        server.createContext("/", sites::handle);
        server.start();
        return sites;
    }

    ProxySelector proxy() {
        return ProxySelector.of(server.getAddress());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host").replaceAll(":\\d+$", "");
            String path = exchange.getRequestURI().getPath();
            requests.add(host + path);
            String file = path.equals("/") ? "index.html" : path.substring(1);
            byte[] body = null;
            if (!file.contains("..")) {
                try (InputStream in = getClass().getResourceAsStream("/samples/sites/" + host + "/" + file)) {
                    body = in == null ? null : in.readAllBytes();
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders()
                    .set("Content-Type", file.endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
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
