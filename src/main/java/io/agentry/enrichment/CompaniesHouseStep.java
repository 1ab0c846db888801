package io.agentry.enrichment;

import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.companieshouse.CompaniesHouseException;
import io.agentry.companieshouse.CompaniesHouseOptions;
import io.agentry.companieshouse.CompanyProfile;
import io.agentry.companieshouse.RateLimiter;
import io.agentry.companieshouse.Sleeper;
import io.agentry.company.CompanyNumber;
import io.agentry.support.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Companies House step of one run: a company's profile, officers, filing history and persons
 * with significant control, or the reason there are none.
 *
 * <p>The run's client takes its permits from a limiter on the shared window that never waits
 * ({@link RateLimiter#withMaxWait} zero): once the window's permits are spent, a request fails at
 * once, before anything is sent, and the company is {@link SourceStatus#DEFERRED}. A company is
 * not even started unless the window has a permit free for each of its four requests, so that
 * permits are rarely spent on a company that cannot finish; a company that still runs out midway
 * (paging, retries, other work on the same key) is deferred too and keeps nothing of this attempt.
 * A 429 on every attempt is also a deferral: the API's own count, which other processes with the
 * same key share, says the budget is spent. A refused key fails every later company of the run
 * without a request.
 */
final class CompaniesHouseStep {
    private static final Logger log = LoggerFactory.getLogger(CompaniesHouseStep.class);

    /** Profile, officers, filing history, persons with significant control: one page each at least. */
    static final int REQUESTS_PER_COMPANY = 4;

    private final CompaniesHouseClient client;
    private final RateLimiter limiter;
    private final AtomicReference<String> keyRefused = new AtomicReference<>();

    private CompaniesHouseStep(CompaniesHouseClient client, RateLimiter limiter) {
        this.client = client;
        this.limiter = limiter;
    }

    static CompaniesHouseStep of(
            Optional<CompaniesHouseOptions> options, RateLimiter window, Clock clock, Sleeper sleeper) {
        if (options.isEmpty()) {
            return new CompaniesHouseStep(null, null);
        }
        // A client per run, on a limiter of its own over the shared window: that limiter counts
        // this run's requests (the window counts everyone's), and never waits.
        RateLimiter impatient = window.withMaxWait(Duration.ZERO);
        return new CompaniesHouseStep(new CompaniesHouseClient(options.get(), impatient, clock, sleeper), impatient);
    }

    boolean configured() {
        return client != null;
    }

    /** The requests this run's client sent, retries included. */
    long requests() {
        return limiter == null ? 0 : limiter.permitsGranted();
    }

    CompaniesHouseResult fetch(String companyNumber) {
        if (client == null) {
            return CompaniesHouseResult.of(SourceStatus.SKIPPED, CompaniesHouseClient.NOT_CONFIGURED);
        }
        if (CompanyNumber.normalise(companyNumber).isEmpty()) {
            return CompaniesHouseResult.of(
                    SourceStatus.FAILED, "\"" + companyNumber + "\" is not a company number Companies House knows");
        }
        String refused = keyRefused.get();
        if (refused != null) {
            return CompaniesHouseResult.of(SourceStatus.FAILED, refused);
        }
        if (limiter.available() < REQUESTS_PER_COMPANY) {
            return CompaniesHouseResult.of(
                    SourceStatus.DEFERRED,
                    "the Companies House rate limit (" + limiter.limit() + " requests in "
                            + limiter.window().toMinutes() + " minutes) was spent; deferred to the next run");
        }
        try {
            Optional<CompanyProfile> profile = client.profile(companyNumber);
            if (profile.isEmpty()) {
                return CompaniesHouseResult.of(
                        SourceStatus.NOT_FOUND, "Companies House has no company " + companyNumber + " (HTTP 404)");
            }
            return CompaniesHouseResult.ok(CompaniesHouseFacts.of(
                    profile.get(),
                    client.officers(companyNumber),
                    client.filingHistory(companyNumber),
                    client.personsWithSignificantControl(companyNumber)));
        } catch (RateLimiter.PermitUnavailableException e) {
            return CompaniesHouseResult.of(SourceStatus.DEFERRED, e.getMessage() + "; deferred to the next run");
        } catch (CompaniesHouseException e) {
            return failure(companyNumber, e);
        }
    }

    private CompaniesHouseResult failure(String companyNumber, CompaniesHouseException e) {
        log.debug("Companies House step of company {} failed: {}", companyNumber, e.getMessage());
        return switch (e.kind()) {
            case RATE_LIMITED ->
                CompaniesHouseResult.of(SourceStatus.DEFERRED, e.getMessage() + "; deferred to the next run");
            case API_KEY_REFUSED -> {
                keyRefused.compareAndSet(null, e.getMessage());
                yield CompaniesHouseResult.of(SourceStatus.FAILED, e.getMessage());
            }
            default -> CompaniesHouseResult.of(SourceStatus.FAILED, e.getMessage());
        };
    }
}
