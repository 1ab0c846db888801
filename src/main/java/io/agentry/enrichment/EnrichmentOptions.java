package io.agentry.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * How one enrichment run works, from the agent's {@code configuration} (see docs/enrichment.md).
 * Immutable; every value is checked on construction, and an {@link IllegalArgumentException}
 * names the configuration key that is out of range.
 *
 * @param staleAfterDays a company enriched longer ago than this many days is due again ({@code
 *     stale_after_days}, default 7; 1 to 365)
 * @param batchSize the most companies one run enriches; the rest wait for the next run, oldest
 *     first ({@code batch_size}, default 1000; 1 to 10,000)
 * @param companiesHouseConcurrency how many companies' Companies House requests are under way at
 *     once ({@code companies_house_concurrency}, default 4; 1 to 32). The rate limit, not this,
 *     bounds the requests per five minutes
 */
public record EnrichmentOptions(int staleAfterDays, int batchSize, int companiesHouseConcurrency) {

    public static final int DEFAULT_STALE_AFTER_DAYS = 7;
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    public static final int DEFAULT_COMPANIES_HOUSE_CONCURRENCY = 4;

    public EnrichmentOptions {
        requireBetween("stale_after_days", staleAfterDays, 1, 365);
        requireBetween("batch_size", batchSize, 1, 10_000);
        requireBetween("companies_house_concurrency", companiesHouseConcurrency, 1, 32);
    }

    public static EnrichmentOptions defaults() {
        return new EnrichmentOptions(DEFAULT_STALE_AFTER_DAYS, DEFAULT_BATCH_SIZE, DEFAULT_COMPANIES_HOUSE_CONCURRENCY);
    }

    public Duration staleAfter() {
        return Duration.ofDays(staleAfterDays);
    }

    /**
     * The options an agent's configuration gives; keys it does not name keep their defaults, and
     * keys that are not enrichment's (the runner's {@code timeout_seconds}, say) are left alone.
     *
     * @throws IllegalArgumentException naming the key whose value is not a whole number in range
     */
    public static EnrichmentOptions from(JsonNode configuration) {
        JsonNode c = configuration;
        return new EnrichmentOptions(
                whole(c, "stale_after_days", DEFAULT_STALE_AFTER_DAYS),
                whole(c, "batch_size", DEFAULT_BATCH_SIZE),
                whole(c, "companies_house_concurrency", DEFAULT_COMPANIES_HOUSE_CONCURRENCY));
    }

    public EnrichmentOptions withBatchSize(int value) {
        return new EnrichmentOptions(staleAfterDays, value, companiesHouseConcurrency);
    }

    private static int whole(JsonNode configuration, String key, int fallback) {
        JsonNode value = configuration == null ? null : configuration.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(key + " must be a whole number, was " + value);
        }
        return value.intValue();
    }

    private static void requireBetween(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
