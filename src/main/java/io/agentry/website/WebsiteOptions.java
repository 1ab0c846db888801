package io.agentry.website;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WebsiteAnalyzer} fetches. Immutable; start from {@link #defaults()} and change
 * fields with the {@code with…} methods. Every value is checked on construction, and an {@link
 * IllegalArgumentException} names the field that is out of range.
 *
 * @param requestTimeout the limit on one HTTP exchange: connecting, waiting for the response and
 *     reading its body (default 10 s; 1 ms to 10 min). A home page that takes longer is {@link
 *     WebsiteAnalysis.Outcome#TIMEOUT}
 * @param siteBudget the limit on all the work for one site: robots.txt, every redirect hop, the
 *     home page, the careers page, and any wait for the host's turn (default 30 s; 1 ms to 1 h).
 *     Each exchange gets the shorter of {@code requestTimeout} and what is left of this. Running
 *     out before the home page arrived is {@code TIMEOUT}; running out before the careers page
 *     leaves the site analysed without a job count
 * @param maxBodyBytes how many bytes of a page body are read (default 2 MiB; 1 KiB to 64 MiB). A
 *     longer body is cut at this many bytes while it streams in, never read whole: the analysis
 *     covers the part read and says {@link WebsiteAnalysis#truncated()}. robots.txt has its own cap
 *     of 500 KiB, the least RFC 9309 asks crawlers to read
 * @param maxRedirects how many redirects are followed from the requested URL (default 5; 0 to 20);
 *     one more, or a redirect back to a URL already visited, is {@code HTTP_ERROR}
 * @param userAgent the {@code User-Agent} of every request (default {@code
 *     Agentry/<version> (+https://github.com/agentry; company website analyzer)}); its product
 *     token, the text before the first {@code /} or space, is the name looked for in robots.txt
 * @param concurrency how many sites {@link WebsiteAnalyzer#analyzeAll} works on at once (default
 *     16; 1 to 1000), each on a thread of its own. Whatever this is, one host never gets more than
 *     one request at a time
 * @param fetchCareersPage whether the careers page linked from the home page is fetched to count
 *     the jobs it lists (default true); when false the link is still reported
 * @param proxy where requests go: {@code null} (default) for the JVM's default {@link
 *     ProxySelector}; a selector naming an HTTP proxy sends plain {@code http://} requests to it
 *     with their own {@code Host}, which is how one local server answers for many site names in
 *     tests, demos and {@link WebsiteBench}
 */
public record WebsiteOptions(
        Duration requestTimeout,
        Duration siteBudget,
        int maxBodyBytes,
        int maxRedirects,
        String userAgent,
        int concurrency,
        boolean fetchCareersPage,
        ProxySelector proxy) {

    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

    public WebsiteOptions {
        requirePositive("requestTimeout", requestTimeout, Duration.ofMinutes(10));
        requirePositive("siteBudget", siteBudget, Duration.ofHours(1));
        requireBetween("maxBodyBytes", maxBodyBytes, 1024, 64 * 1024 * 1024);
        requireBetween("maxRedirects", maxRedirects, 0, 20);
        requireBetween("concurrency", concurrency, 1, 1_000);
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException(
                    "userAgent must be printable ASCII and not blank, was '" + userAgent + "'");
        }
    }

    public static WebsiteOptions defaults() {
        return new WebsiteOptions(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                DEFAULT_MAX_BODY_BYTES,
                5,
                defaultUserAgent(),
                16,
                true,
                null);
    }

    public static String defaultUserAgent() {
        String version = WebsiteOptions.class.getPackage().getImplementationVersion();
        return "Agentry/" + (version == null ? "development" : version)
                + " (+https://github.com/agentry; company website analyzer)";
    }

    /** The name robots.txt groups are matched against: the user agent up to its first / or space. */
    String productToken() {
        String token = userAgent.strip();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '/' || c == ' ') {
                return token.substring(0, i);
            }
        }
        return token;
    }

    public WebsiteOptions withRequestTimeout(Duration value) {
        return new WebsiteOptions(
                value, siteBudget, maxBodyBytes, maxRedirects, userAgent, concurrency, fetchCareersPage, proxy);
    }

    public WebsiteOptions withSiteBudget(Duration value) {
        return new WebsiteOptions(
                requestTimeout, value, maxBodyBytes, maxRedirects, userAgent, concurrency, fetchCareersPage, proxy);
    }

    public WebsiteOptions withMaxBodyBytes(int value) {
        return new WebsiteOptions(
                requestTimeout, siteBudget, value, maxRedirects, userAgent, concurrency, fetchCareersPage, proxy);
    }

    public WebsiteOptions withMaxRedirects(int value) {
        return new WebsiteOptions(
                requestTimeout, siteBudget, maxBodyBytes, value, userAgent, concurrency, fetchCareersPage, proxy);
    }

    public WebsiteOptions withUserAgent(String value) {
        return new WebsiteOptions(
                requestTimeout, siteBudget, maxBodyBytes, maxRedirects, value, concurrency, fetchCareersPage, proxy);
    }

    public WebsiteOptions withConcurrency(int value) {
        return new WebsiteOptions(
                requestTimeout, siteBudget, maxBodyBytes, maxRedirects, userAgent, value, fetchCareersPage, proxy);
    }

    public WebsiteOptions withFetchCareersPage(boolean value) {
        return new WebsiteOptions(
                requestTimeout, siteBudget, maxBodyBytes, maxRedirects, userAgent, concurrency, value, proxy);
    }

    public WebsiteOptions withProxy(ProxySelector value) {
        return new WebsiteOptions(
                requestTimeout,
                siteBudget,
                maxBodyBytes,
                maxRedirects,
                userAgent,
                concurrency,
                fetchCareersPage,
                value);
    }

    private static void requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void requirePositive(String field, Duration value, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be positive and at most " + max + ", was " + value);
        }
    }
}
