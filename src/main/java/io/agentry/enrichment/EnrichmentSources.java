package io.agentry.enrichment;

import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.companieshouse.CompaniesHouseOptions;
import io.agentry.companieshouse.RateLimiter;
import io.agentry.companieshouse.Sleeper;
import io.agentry.company.reference.SizeBands;
import io.agentry.website.WebsiteOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * Where enrichment gets its facts. Each run builds its own Companies House client on {@code
 * companiesHouseLimit} (taking permits without waiting, see docs/enrichment.md) and its own
 * website analyzer, and closes the analyzer when it ends.
 *
 * @param companiesHouse how to reach the Companies House API; empty when no key is configured,
 *     and then every company records the source as skipped, saying so
 * @param companiesHouseLimit the limiter whose window every request counts against: {@link
 *     RateLimiter#shared()} outside tests, since the API counts requests per key
 * @param sleeper how the Companies House client pauses between attempts (429, 5xx)
 * @param websites how websites are fetched
 * @param sizeBands the size estimate each accounts category allows
 */
public record EnrichmentSources(
        Optional<CompaniesHouseOptions> companiesHouse,
        RateLimiter companiesHouseLimit,
        Sleeper sleeper,
        WebsiteOptions websites,
        SizeBands sizeBands) {

    public EnrichmentSources {
        Objects.requireNonNull(companiesHouse, "companiesHouse");
        Objects.requireNonNull(companiesHouseLimit, "companiesHouseLimit");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(websites, "websites");
        Objects.requireNonNull(sizeBands, "sizeBands");
    }

    /**
     * The Companies House API as the environment configures it ({@value
     * CompaniesHouseClient#API_KEY_VARIABLE}, {@value CompaniesHouseClient#URL_VARIABLE}) on the
     * process's shared limiter, and the default website options.
     *
     * @throws IllegalArgumentException when {@value CompaniesHouseClient#URL_VARIABLE} is not an
     *     http(s) URL
     */
    public static EnrichmentSources fromEnvironment(SizeBands sizeBands) {
        return new EnrichmentSources(
                CompaniesHouseClient.fromEnvironment().map(CompaniesHouseClient::options),
                RateLimiter.shared(),
                Sleeper.system(),
                WebsiteOptions.defaults(),
                sizeBands);
    }
}
