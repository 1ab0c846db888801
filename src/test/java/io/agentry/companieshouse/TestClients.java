package io.agentry.companieshouse;

import java.time.Duration;

/**
 * Clients against a WireMock server, on fake time, with no jitter and a roomy rate limit. The
 * request timeout is generous so that a loaded machine does not turn a slow first answer into a
 * retry; the timeout tests set their own.
 */
final class TestClients {
    static final String KEY = "5f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8";

    private TestClients() {}

    static CompaniesHouseOptions options(String baseUrl) {
        return CompaniesHouseOptions.of(KEY)
                .withBaseUrl(baseUrl)
                .withRequestTimeout(Duration.ofSeconds(20))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    static CompaniesHouseClient client(CompaniesHouseOptions options, FakeTime time) {
        return client(options, new RateLimiter(1_000, Duration.ofMinutes(5), time, time), time);
    }

    static CompaniesHouseClient client(CompaniesHouseOptions options, RateLimiter limiter, FakeTime time) {
        return new CompaniesHouseClient(options, limiter, time, time, Backoff.Jitter.none());
    }
}
