package io.agentry.companieshouse;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link CompaniesHouseClient} talks to the API. Immutable; start from {@link #of(String)}.
 * Every value is checked on construction, and an {@link IllegalArgumentException} names the field
 * that is out of range. {@link #toString()} never shows the key.
 *
 * @param baseUrl where the API is (default {@value CompaniesHouseClient#DEFAULT_BASE_URL}); http
 *     or https, any trailing slash dropped
 * @param apiKey the REST API key, sent as the Basic user name with an empty password
 * @param requestTimeout how long one request may take, connecting included, before it counts as
 *     a timed-out attempt (default 10 s; at most 5 min)
 * @param maxAttempts how many times one request is sent when it meets 429, 5xx, a timeout or a
 *     connection failure, the first time included (default 4; 1 to 20)
 * @param backoffBase the pause after the first failed attempt; it doubles after each further one
 *     (default 1 s; 0 to {@code backoffCap})
 * @param backoffCap the longest pause between attempts, before jitter (default 30 s; at most 10
 *     min). A {@code Retry-After} from the API overrides both, up to 5 minutes
 * @param pageSize {@code items_per_page} of each list request (default 100, the API's maximum; 1
 *     to 100)
 * @param maxItems the most items one list call collects, across pages; more are left unfetched
 *     and the result says it is incomplete (default 500; 1 to 100,000)
 */
public record CompaniesHouseOptions(
        URI baseUrl,
        String apiKey,
        Duration requestTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        int pageSize,
        int maxItems) {

    public CompaniesHouseOptions {
        baseUrl = checkedBaseUrl(baseUrl);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        requireBetween("requestTimeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
        requireBetween("maxAttempts", maxAttempts, 1, 20);
        requireBetween("backoffCap", backoffCap, Duration.ZERO, Duration.ofMinutes(10));
        requireBetween("backoffBase", backoffBase, Duration.ZERO, backoffCap);
        requireBetween("pageSize", pageSize, 1, 100);
        requireBetween("maxItems", maxItems, 1, 100_000);
    }

    /** The defaults, against the real API, with this key. */
    public static CompaniesHouseOptions of(String apiKey) {
        return new CompaniesHouseOptions(
                URI.create(CompaniesHouseClient.DEFAULT_BASE_URL),
                apiKey,
                Duration.ofSeconds(10),
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                100,
                500);
    }

    public CompaniesHouseOptions withBaseUrl(String value) {
        Objects.requireNonNull(value, "baseUrl");
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + value, e);
        }
        return new CompaniesHouseOptions(
                url, apiKey, requestTimeout, maxAttempts, backoffBase, backoffCap, pageSize, maxItems);
    }

    public CompaniesHouseOptions withRequestTimeout(Duration value) {
        return new CompaniesHouseOptions(
                baseUrl, apiKey, value, maxAttempts, backoffBase, backoffCap, pageSize, maxItems);
    }

    public CompaniesHouseOptions withMaxAttempts(int value) {
        return new CompaniesHouseOptions(
                baseUrl, apiKey, requestTimeout, value, backoffBase, backoffCap, pageSize, maxItems);
    }

    public CompaniesHouseOptions withBackoff(Duration base, Duration cap) {
        return new CompaniesHouseOptions(baseUrl, apiKey, requestTimeout, maxAttempts, base, cap, pageSize, maxItems);
    }

    public CompaniesHouseOptions withPageSize(int value) {
        return new CompaniesHouseOptions(
                baseUrl, apiKey, requestTimeout, maxAttempts, backoffBase, backoffCap, value, maxItems);
    }

    public CompaniesHouseOptions withMaxItems(int value) {
        return new CompaniesHouseOptions(
                baseUrl, apiKey, requestTimeout, maxAttempts, backoffBase, backoffCap, pageSize, value);
    }

    @Override
    public String toString() {
        return "CompaniesHouseOptions[baseUrl=" + baseUrl + ", apiKey=(hidden), requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", backoffBase=" + backoffBase + ", backoffCap=" + backoffCap
                + ", pageSize=" + pageSize + ", maxItems=" + maxItems + "]";
    }

    private static URI checkedBaseUrl(URI url) {
        Objects.requireNonNull(url, "baseUrl");
        String scheme = url.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL, was " + url);
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.replaceAll("/+$", "")) : url;
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
