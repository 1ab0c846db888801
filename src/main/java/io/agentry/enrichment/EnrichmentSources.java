package io.agentry.enrichment;

import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.companieshouse.CompaniesHouseOptions;
import io.agentry.companieshouse.RateLimiter;
import io.agentry.companieshouse.Sleeper;
import io.agentry.company.reference.SizeBands;
import io.agentry.website.WebsiteAnalyzer;
import java.util.Objects;
import java.util.Optional;

/**
 * Where enrichment gets its facts. Each run builds its own Companies House client on {@code
 * companiesHouseLimit}, taking permits without waiting (see docs/enrichment.md), so that it can
 * count its own requests; websites go through the analyzer given, which the caller owns and
 * closes.
 *
 * @param companiesHouse how to reach the Companies House API; empty when no key is configured,
 *     and then every company records the source as skipped, saying so
 * @param companiesHouseLimit the limiter whose window every request counts against: {@link
 *     RateLimiter#shared()} outside tests, since the API counts requests per key
 * @param sleeper how the Companies House client pauses between attempts (429, 5xx)
 * @param websites the website analyzer; shared with other agents, its turns per host and its
 *     robots.txt cache hold across them
 * @param sizeBands the size estimate each accounts category allows
 */
public record EnrichmentSources(
        Optional<CompaniesHouseOptions> companiesHouse,
        RateLimiter companiesHouseLimit,
        Sleeper sleeper,
        WebsiteAnalyzer websites,
        SizeBands sizeBands) {

    public EnrichmentSources {
        Objects.requireNonNull(companiesHouse, "companiesHouse");
        Objects.requireNonNull(companiesHouseLimit, "companiesHouseLimit");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(websites, "websites");
        Objects.requireNonNull(sizeBands, "sizeBands");
    }

    /**
     * The sources of a node: Companies House as {@code client} reaches it (its options, on its
     * limiter's window, pausing the calling thread between attempts), or not configured when
     * empty; the node's website analyzer.
     */
    public static EnrichmentSources of(
            Optional<CompaniesHouseClient> client, WebsiteAnalyzer websites, SizeBands sizeBands) {
        return new EnrichmentSources(
                client.map(CompaniesHouseClient::options),
                client.map(CompaniesHouseClient::rateLimiter).orElse(RateLimiter.shared()),
                Sleeper.system(),
                websites,
                sizeBands);
    }
}
