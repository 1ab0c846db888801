package io.agentry.bench;

import io.agentry.db.EmbeddedDatabase;
import io.agentry.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Empty databases on the test server, named by libpq URLs as {@code agentry bench --db-url} takes them. */
final class EmptyDatabases {
    private EmptyDatabases() {}

    /** A new, empty database (no schema installed). */
    static String newUrl() {
        EmbeddedDatabase server = TestDatabase.embedded();
        return "postgres://" + encode(server.user()) + ":" + encode(server.password()) + "@127.0.0.1:" + port(server)
                + "/" + TestDatabase.createEmpty();
    }

    static int port(EmbeddedDatabase server) {
        String url = server.jdbcUrl("postgres"); // jdbc:postgresql://127.0.0.1:PORT/postgres
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
