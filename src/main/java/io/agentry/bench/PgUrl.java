package io.agentry.bench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A libpq-style URL ({@code postgres://USER:PASS@HOST:PORT/DB?param=value}) turned into what
 * JDBC wants: a {@code jdbc:postgresql:} URL without credentials, plus user and password.
 *
 * <p>User, password and database name are percent-decoded, as libpq does. Query parameters are
 * passed through to pgjdbc, which understands the common ones ({@code sslmode}, {@code
 * application_name} …). Unix-socket hosts and multi-host URLs are not supported: the benchmark
 * talks TCP to one server.
 */
public record PgUrl(String jdbcUrl, String host, int port, String database, String user, String password) {
    private static final Pattern SHAPE =
            Pattern.compile("(?<scheme>[A-Za-z]+)://(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?"
                    + "(?<host>\\[[0-9A-Fa-f:.]+\\]|[^:/?\\[\\]@]+)(?::(?<port>[0-9]+))?"
                    + "/(?<database>[^?/]+)(?:\\?(?<query>.*))?");

    public static PgUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        Matcher m = SHAPE.matcher(url.strip());
        if (!m.matches()) {
            throw invalid(url, "expected postgres://USER:PASS@HOST:PORT/DB");
        }
        String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw invalid(url, "the scheme must be postgres:// or postgresql://, was " + m.group("scheme") + "://");
        }
        int port = 5432;
        if (m.group("port") != null) {
            try {
                port = Integer.parseInt(m.group("port"));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw invalid(url, "the port must be between 1 and 65535, was " + m.group("port"));
            }
        }
        String host = m.group("host");
        String database = decode(url, m.group("database"));
        String query = m.group("query") == null || m.group("query").isEmpty() ? "" : "?" + m.group("query");
        // pgjdbc percent-decodes the database name of its URL, so it travels encoded.
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20") + query;
        return new PgUrl(
                jdbc,
                host,
                port,
                database,
                emptyToNull(decode(url, m.group("user"))),
                decode(url, m.group("password")));
    }

    /** The URL for humans: everything but the password. */
    public String describe() {
        return "postgres://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String decode(String url, String part) {
        if (part == null) {
            return null;
        }
        try {
            // URLDecoder also turns '+' into a space, which libpq does not: protect it first.
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(url, "bad percent-encoding in '" + part + "'");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("'" + redact(url) + "' is not a usable PostgreSQL URL: " + why);
    }

    /** Hides the password of a URL that may not even parse. */
    static String redact(String url) {
        return url == null ? "" : url.replaceFirst("(://[^:@/]*:)[^@/]*@", "$1***@");
    }
}
