package io.agentry.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agentry.db.Sql;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.support.Threads;
import io.agentry.website.BenchSites;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Companies House Public Data API, for the enrichment workload: it
 * answers {@code /company/{n}}, {@code …/officers}, {@code …/filing-history} and {@code
 * …/persons-with-significant-control} in the API's JSON, from the catalogue's rows (name, status,
 * dates, SIC codes, address, accounts), after a fixed delay like a remote server's. It keeps the
 * API's limit as the API does, answering 429 with {@code Retry-After} to a request that would be
 * the 601st in five minutes, and records every request, so that the workload can report how many
 * were made and the most in any five minutes. Officers and persons with significant control are
 * the bench's own (the catalogue holds none): one to three directors and one owner per company,
 * named from short lists by the company number.
 */
final class BenchCompaniesHouse implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BenchCompaniesHouse.class);
    private static final Pattern PATH =
            Pattern.compile("/company/([A-Z0-9]{8})(/officers|/filing-history|/persons-with-significant-control)?");
    private static final String[] SURNAMES = {"PATEL", "SMITH", "JONES", "KHAN", "MURRAY", "EVANS", "WALKER"};
    private static final String[] FORENAMES = {"Amelia", "Oliver", "Priya", "Hamish", "Grace", "Tom", "Aisha"};

    private static final String COMPANIES = """
            SELECT company_number, name, status, incorporation_date, sic_codes, address_line_1, post_town,
                   postcode, accounts_category, accounts_next_due, accounts_last_made_up,
                   confirmation_statement_next_due, confirmation_statement_last_made_up
            FROM companies""";

    private record Registered(
            String number,
            String name,
            String status,
            LocalDate created,
            List<String> sicCodes,
            String addressLine1,
            String town,
            String postcode,
            String accountsCategory,
            LocalDate accountsNextDue,
            LocalDate accountsMadeUpTo,
            LocalDate statementNextDue,
            LocalDate statementMadeUpTo) {}

    private final HttpServer server;
    private final ScheduledExecutorService replies;
    private final Duration delay;
    private final Clock clock;
    private final int limit;
    private final long windowNanos;
    private final Map<String, Registered> companies;

    // Guarded by this.
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private long requests;
    private long tooMany;
    private int mostInWindow;

    private BenchCompaniesHouse(
            HttpServer server,
            ScheduledExecutorService replies,
            Duration delay,
            Clock clock,
            int limit,
            Duration window,
            Map<String, Registered> companies) {
        this.server = server;
        this.replies = replies;
        this.delay = delay;
        this.clock = clock;
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.companies = companies;
    }

    /** Serves the companies of the catalogue at {@code dataSource}, with the API's limit. */
    static BenchCompaniesHouse start(DataSource dataSource, Duration delay, Clock clock, int limit, Duration window)
            throws IOException {
        Map<String, Registered> companies = load(dataSource);
        BenchSites.noDelay();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        BenchCompaniesHouse api = new BenchCompaniesHouse(
                server,
                Executors.newScheduledThreadPool(2, Threads.factory("companies-house-bench")),
                delay,
                clock,
                limit,
                window,
                companies);
        server.createContext("/", api::handle);
        server.setExecutor(null);
        server.start();
        return api;
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /** What the server saw since it started or was last {@link #reset}. */
    record Traffic(long requests, int mostInAnyWindow, long tooManyRequests) {}

    synchronized Traffic traffic() {
        return new Traffic(requests, mostInWindow, tooMany);
    }

    /** Forgets every request, as for a new API key. */
    synchronized void reset() {
        recent.clear();
        requests = 0;
        tooMany = 0;
        mostInWindow = 0;
    }

    private void handle(HttpExchange exchange) {
        long retryAfterSeconds = admit();
        replies.schedule(() -> reply(exchange, retryAfterSeconds), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Counts the request; 0 when it is within the limit, else the seconds until it would be. */
    private synchronized long admit() {
        long now = clock.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
            recent.removeFirst();
        }
        requests++;
        long retryAfter = 0;
        if (recent.size() >= limit) {
            tooMany++;
            retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(recent.peekFirst() + windowNanos - now) + 1);
        }
        recent.addLast(now);
        mostInWindow = Math.max(mostInWindow, recent.size());
        return retryAfter;
    }

    private void reply(HttpExchange exchange, long retryAfterSeconds) {
        try (exchange) {
            if (retryAfterSeconds > 0) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
                send(exchange, 429, Json.object().put("error", "Too Many Requests"));
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            Registered company = path.matches() ? companies.get(path.group(1)) : null;
            if (company == null) {
                ObjectNode notFound = Json.object();
                notFound.putArray("errors")
                        .addObject()
                        .put("error", "company-profile-not-found")
                        .put("type", "ch:service");
                send(exchange, 404, notFound);
                return;
            }
            String part = path.group(2) == null ? "" : path.group(2);
            send(
                    exchange,
                    200,
                    switch (part) {
                        case "/officers" -> officers(company);
                        case "/filing-history" -> filings(company);
                        case "/persons-with-significant-control" -> pscs(company);
                        default -> profile(company);
                    });
        } catch (IOException e) {
            log.debug("Companies House bench reply failed: {}", e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode profile(Registered c) {
        ObjectNode json = Json.object()
                .put("company_name", c.name())
                .put("company_number", c.number())
                .put("company_status", apiStatus(c.status()))
                .put("type", "ltd")
                .put("date_of_creation", text(c.created()))
                .put("jurisdiction", "england-wales")
                .put("has_charges", false)
                .put("has_insolvency_history", false)
                .put("can_file", true)
                .put("etag", Integer.toHexString(c.number().hashCode()));
        json.putObject("registered_office_address")
                .put("address_line_1", c.addressLine1())
                .put("locality", c.town())
                .put("postal_code", c.postcode());
        ArrayNode sic = json.putArray("sic_codes");
        c.sicCodes().forEach(sic::add);
        ObjectNode accounts = json.putObject("accounts")
                .put("next_due", text(c.accountsNextDue()))
                .put("overdue", false);
        String type = accountsType(c.accountsCategory());
        if (type != null && c.accountsMadeUpTo() != null) {
            accounts.putObject("last_accounts")
                    .put("made_up_to", text(c.accountsMadeUpTo()))
                    .put("type", type);
        }
        json.putObject("confirmation_statement")
                .put("next_due", text(c.statementNextDue()))
                .put("last_made_up_to", text(c.statementMadeUpTo()))
                .put("overdue", false);
        String self = "/company/" + c.number();
        json.putObject("links")
                .put("self", self)
                .put("officers", self + "/officers")
                .put("filing_history", self + "/filing-history")
                .put("persons_with_significant_control", self + "/persons-with-significant-control");
        return json;
    }

    private static ObjectNode officers(Registered c) {
        int directors = 1 + Math.floorMod(c.number().hashCode(), 3);
        ObjectNode json = Json.object()
                .put("kind", "officer-list")
                .put("active_count", directors)
                .put("inactive_count", 0)
                .put("resigned_count", 0)
                .put("total_results", directors)
                .put("items_per_page", 100)
                .put("start_index", 0);
        ArrayNode items = json.putArray("items");
        for (int i = 0; i < directors; i++) {
            int pick = Math.floorMod(c.number().hashCode() + i * 31, SURNAMES.length);
            ObjectNode officer = items.addObject()
                    .put("name", SURNAMES[pick] + ", " + FORENAMES[pick])
                    .put("officer_role", "director")
                    .put("appointed_on", text(c.created()))
                    .put("nationality", "British")
                    .put("occupation", "Director");
            officer.putObject("date_of_birth").put("month", 1 + pick).put("year", 1960 + pick * 3);
            officer.putObject("links")
                    .putObject("officer")
                    .put("appointments", "/officers/bench-" + c.number() + "-" + i + "/appointments");
        }
        return json;
    }

    private static ObjectNode filings(Registered c) {
        ObjectNode json = Json.object().put("filing_history_status", "filing-history-available");
        ArrayNode items = json.putArray("items");
        String type = accountsType(c.accountsCategory());
        if (c.statementMadeUpTo() != null) {
            filing(
                    items,
                    "confirmation-statement",
                    c.statementMadeUpTo().plusDays(10),
                    "CS01",
                    "confirmation-statement-with-no-updates",
                    c.number(),
                    1);
        }
        if (type != null && c.accountsMadeUpTo() != null) {
            filing(
                    items,
                    "accounts",
                    c.accountsMadeUpTo().plusMonths(6),
                    "AA",
                    "accounts-with-accounts-type-" + type,
                    c.number(),
                    2);
        }
        if (c.created() != null) {
            filing(items, "incorporation", c.created(), "NEWINC", "incorporation-company", c.number(), 3);
        }
        json.put("total_count", items.size()).put("items_per_page", 100).put("start_index", 0);
        return json;
    }

    private static void filing(
            ArrayNode items, String category, LocalDate date, String type, String description, String number, int n) {
        items.addObject()
                .put("category", category)
                .put("date", text(date))
                .put("type", type)
                .put("description", description)
                .put("transaction_id", "BENCH" + number + n);
    }

    private static ObjectNode pscs(Registered c) {
        int pick = Math.floorMod(c.number().hashCode(), SURNAMES.length);
        ObjectNode json = Json.object()
                .put("active_count", 1)
                .put("ceased_count", 0)
                .put("total_results", 1)
                .put("items_per_page", 100)
                .put("start_index", 0);
        ObjectNode psc = json.putArray("items")
                .addObject()
                .put("kind", "individual-person-with-significant-control")
                .put(
                        "name",
                        FORENAMES[pick] + " " + SURNAMES[pick].charAt(0)
                                + SURNAMES[pick].substring(1).toLowerCase(Locale.ROOT))
                .put("notified_on", text(c.created()));
        psc.putArray("natures_of_control").add("ownership-of-shares-75-to-100-percent");
        return json;
    }

    /** The API's {@code company_status} for the snapshot's status. */
    private static String apiStatus(String status) {
        String value = status == null ? "" : status.toLowerCase(Locale.ROOT);
        if (value.startsWith("active")) {
            return "active";
        }
        return value.equals("in administration") ? "administration" : value.replace(' ', '-');
    }

    /** The API's {@code last_accounts.type} for the snapshot's category; null when none were filed. */
    private static String accountsType(String category) {
        if (category == null
                || category.equalsIgnoreCase("NO ACCOUNTS FILED")
                || category.equalsIgnoreCase("ACCOUNTS TYPE NOT AVAILABLE")) {
            return null;
        }
        return category.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Map<String, Registered> load(DataSource dataSource) {
        return Sql.run(dataSource, connection -> {
            Map<String, Registered> companies = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(COMPANIES);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Array sic = rs.getArray("sic_codes");
                    companies.put(
                            rs.getString("company_number"),
                            new Registered(
                                    rs.getString("company_number"),
                                    rs.getString("name"),
                                    rs.getString("status"),
                                    date(rs.getDate("incorporation_date")),
                                    sic == null ? List.of() : List.of((String[]) sic.getArray()),
                                    rs.getString("address_line_1"),
                                    rs.getString("post_town"),
                                    rs.getString("postcode"),
                                    rs.getString("accounts_category"),
                                    date(rs.getDate("accounts_next_due")),
                                    date(rs.getDate("accounts_last_made_up")),
                                    date(rs.getDate("confirmation_statement_next_due")),
                                    date(rs.getDate("confirmation_statement_last_made_up"))));
                }
            }
            return companies;
        });
    }

    private static LocalDate date(Date value) {
        return value == null ? null : value.toLocalDate();
    }

    @Override
    public void close() {
        server.stop(0);
        replies.shutdownNow();
    }
}
