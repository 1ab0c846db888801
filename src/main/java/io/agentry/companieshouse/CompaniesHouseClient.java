package io.agentry.companieshouse;

import io.agentry.company.CompanyNumber;
import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The Companies House Public Data API (see docs/companies-house-api.md). Thread-safe; make one and
 * share it. Every request takes a permit from the {@link RateLimiter} first, retries included.
 *
 * <p>Each call answers empty when the API says 404: no such company, or, for a list, nothing of
 * that kind on the register for it. Other failures throw {@link CompaniesHouseException}; a company
 * number that is not one throws {@link IllegalArgumentException}.
 */
public final class CompaniesHouseClient {
    public static final String API_KEY_VARIABLE = "AGENTRY_COMPANIES_HOUSE_API_KEY";
    public static final String URL_VARIABLE = "AGENTRY_COMPANIES_HOUSE_URL";
    public static final String DEFAULT_BASE_URL = "https://api.company-information.service.gov.uk";

    /** What to tell the user when {@link #fromEnvironment()} is empty. */
    public static final String NOT_CONFIGURED = "Companies House API not configured: set " + API_KEY_VARIABLE;

    private static final Pattern CATEGORIES = Pattern.compile("[a-z-]+(,[a-z-]+)*");

    private static final Pages.Shape<Officers, Officer> OFFICERS =
            new Pages.Shape<>(Officers.class, Officers::items, Officers::totalResults, Officers::withItems);
    private static final Pages.Shape<FilingHistory, Filing> FILINGS = new Pages.Shape<>(
            FilingHistory.class, FilingHistory::items, FilingHistory::totalCount, FilingHistory::withItems);
    private static final Pages.Shape<Pscs, Psc> PSCS =
            new Pages.Shape<>(Pscs.class, Pscs::items, Pscs::totalResults, Pscs::withItems);
    private static final Pages.Shape<Charges, Charge> CHARGES =
            new Pages.Shape<>(Charges.class, Charges::items, Charges::totalCount, Charges::withItems);

    private final CompaniesHouseOptions options;
    private final RateLimiter limiter;
    private final Transport transport;
    private final Pages pages;

    /** On the process's {@link RateLimiter#shared()} limiter and the system clock. */
    public CompaniesHouseClient(CompaniesHouseOptions options) {
        this(options, RateLimiter.shared(), Clock.system(), Sleeper.system());
    }

    /**
     * @param limiter the limiter every request takes a permit from; {@link RateLimiter#shared()}
     *     outside tests, since the API counts requests per key
     * @param sleeper how the client waits between attempts
     */
    public CompaniesHouseClient(CompaniesHouseOptions options, RateLimiter limiter, Clock clock, Sleeper sleeper) {
        this(options, limiter, clock, sleeper, Backoff.Jitter.random());
    }

    CompaniesHouseClient(
            CompaniesHouseOptions options, RateLimiter limiter, Clock clock, Sleeper sleeper, Backoff.Jitter jitter) {
        this.options = Objects.requireNonNull(options, "options");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newCachedThreadPool(Threads.factory("companies-house-http")))
                .build();
        Backoff backoff = new Backoff(options.backoffBase(), options.backoffCap(), jitter, clock);
        this.transport = new Transport(options, http, limiter, backoff, sleeper, clock, userAgent());
        this.pages = new Pages(transport, options.pageSize(), options.maxItems());
    }

    /**
     * A client on the shared limiter when {@value #API_KEY_VARIABLE} is set (and {@value
     * #URL_VARIABLE}, if set, is a URL); empty without a key: say {@link #NOT_CONFIGURED} then.
     *
     * @throws IllegalArgumentException when {@value #URL_VARIABLE} is not an http(s) URL
     */
    public static Optional<CompaniesHouseClient> fromEnvironment() {
        return optionsFrom(System.getenv()).map(CompaniesHouseClient::new);
    }

    static Optional<CompaniesHouseOptions> optionsFrom(Map<String, String> environment) {
        String key = environment.get(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        CompaniesHouseOptions options = CompaniesHouseOptions.of(key.strip());
        String url = environment.get(URL_VARIABLE);
        return Optional.of(url == null || url.isBlank() ? options : options.withBaseUrl(url));
    }

    /** {@code GET /company/{n}}. */
    public Optional<CompanyProfile> profile(String companyNumber) {
        Transport.Response response = transport.get(companyPath(companyNumber));
        return response.found() ? Optional.of(response.as(CompanyProfile.class)) : Optional.empty();
    }

    /** {@code GET /company/{n}/officers}, current and resigned, every page. */
    public Optional<Officers> officers(String companyNumber) {
        return pages.all(companyPath(companyNumber) + "/officers", "", OFFICERS);
    }

    /** {@code GET /company/{n}/filing-history}, newest first, every page. */
    public Optional<FilingHistory> filingHistory(String companyNumber) {
        return pages.all(companyPath(companyNumber) + "/filing-history", "", FILINGS);
    }

    /**
     * {@code GET /company/{n}/filing-history?category=…}: only filings of these categories.
     *
     * @param category one category, such as {@code accounts}, or several separated by commas
     *     ({@code officers,capital})
     */
    public Optional<FilingHistory> filingHistory(String companyNumber, String category) {
        if (category == null || !CATEGORIES.matcher(category).matches()) {
            throw new IllegalArgumentException(
                    "Not a filing history category: \"" + category + "\" (such as accounts or officers,capital)");
        }
        return pages.all(
                companyPath(companyNumber) + "/filing-history",
                "&category=" + URLEncoder.encode(category, StandardCharsets.UTF_8),
                FILINGS);
    }

    /** {@code GET /company/{n}/persons-with-significant-control}, current and ceased, every page. */
    public Optional<Pscs> personsWithSignificantControl(String companyNumber) {
        return pages.all(companyPath(companyNumber) + "/persons-with-significant-control", "", PSCS);
    }

    /** {@code GET /company/{n}/charges}, every page. */
    public Optional<Charges> charges(String companyNumber) {
        return pages.all(companyPath(companyNumber) + "/charges", "", CHARGES);
    }

    public CompaniesHouseOptions options() {
        return options;
    }

    public RateLimiter rateLimiter() {
        return limiter;
    }

    private static String companyPath(String companyNumber) {
        return "/company/" + URLEncoder.encode(CompanyNumber.require(companyNumber), StandardCharsets.UTF_8);
    }

    static String userAgent() {
        String version = CompaniesHouseClient.class.getPackage().getImplementationVersion();
        return "Agentry/" + (version == null ? "development" : version) + " (+https://github.com/agentry)";
    }
}
