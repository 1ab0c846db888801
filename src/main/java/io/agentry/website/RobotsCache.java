package io.agentry.website;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * robots.txt, fetched once per origin (scheme, host and port) and kept for the analyzer's life.
 * The first site to need an origin's rules fetches them; others that need them meanwhile wait for
 * that fetch rather than making their own.
 *
 * <p>What the answer means follows RFC 9309: 2xx is parsed (up to 500 KiB); up to five redirects
 * are followed, more make the file unavailable; 4xx (404 included) is unavailable and allows
 * everything, except 429, which like 5xx denies everything, as a server in trouble asks crawlers
 * to stay away. When no answer arrives at all (refused, timed out) no page of the origin is
 * requested either: the site's outcome is that of the robots.txt fetch, {@code UNREACHABLE} or
 * {@code TIMEOUT}. The answers are kept for the analyzer's life, which suits analyzers that live
 * for one batch of sites.
 */
final class RobotsCache {
    static final int MAX_ROBOTS_BYTES = 500 * 1024;
    private static final int MAX_ROBOTS_REDIRECTS = 5;
    private static final HttpFetcher.BodyPolicy BODY = info -> info.statusCode() >= 200 && info.statusCode() < 300
            ? BoundedBody.keeping(MAX_ROBOTS_BYTES)
            : BoundedBody.draining(Pages.DRAIN_BYTES);

    private final ConcurrentMap<String, CompletableFuture<RobotsRules>> byOrigin = new ConcurrentHashMap<>();
    private final HttpFetcher fetcher;
    private final String productToken;

    RobotsCache(HttpFetcher fetcher, String productToken) {
        this.fetcher = fetcher;
        this.productToken = productToken;
    }

    /** Throws {@code ROBOTS_DENIED} when robots.txt forbids the URL to our user agent. */
    void check(URI uri, Budget budget) throws FetchFailure, InterruptedException {
        if ("/robots.txt".equals(uri.getRawPath())) {
            return;
        }
        String denial = rulesFor(uri, budget).denial(uri);
        if (denial != null) {
            throw new FetchFailure(Outcome.ROBOTS_DENIED, uri, null, denial);
        }
    }

    private RobotsRules rulesFor(URI uri, Budget budget) throws FetchFailure, InterruptedException {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        while (true) {
            CompletableFuture<RobotsRules> mine = new CompletableFuture<>();
            CompletableFuture<RobotsRules> known = byOrigin.putIfAbsent(origin, mine);
            if (known == null) {
                return load(origin, uri, budget, mine);
            }
            try {
                return known.get(budget.remaining().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new FetchFailure(Outcome.TIMEOUT, uri, null, "the site budget ran out waiting for robots.txt", e);
            } catch (ExecutionException e) {
                FetchFailure failure = (FetchFailure) e.getCause();
                throw new FetchFailure(failure.outcome(), uri, failure.status(), failure.getMessage(), failure);
            } catch (CancellationException e) {
                // the thread fetching it was interrupted and gave the slot up: fetch it here
            }
        }
    }

    private RobotsRules load(String origin, URI uri, Budget budget, CompletableFuture<RobotsRules> slot)
            throws FetchFailure, InterruptedException {
        try {
            RobotsRules rules = fetch(URI.create(origin + "/robots.txt"), budget);
            slot.complete(rules);
            return rules;
        } catch (FetchFailure e) {
            FetchFailure failure =
                    new FetchFailure(e.outcome(), uri, e.status(), "fetching robots.txt: " + e.getMessage(), e);
            slot.completeExceptionally(failure);
            throw failure;
        } catch (InterruptedException | RuntimeException e) {
            byOrigin.remove(origin, slot);
            slot.cancel(false);
            throw e;
        }
    }

    private RobotsRules fetch(URI robots, Budget budget) throws FetchFailure, InterruptedException {
        URI current = robots;
        for (int hop = 0; hop <= MAX_ROBOTS_REDIRECTS; hop++) {
            Response response = fetcher.get(current, BODY, budget);
            int status = response.status();
            if (response.successful()) {
                return RobotsRules.parse(response.body().text(StandardCharsets.UTF_8), productToken);
            }
            if (status == 429 || status >= 500) {
                return RobotsRules.denyAll("robots.txt answered HTTP " + status + ", which denies everything");
            }
            if (!Redirects.isRedirect(status)) {
                return RobotsRules.ALLOW_ALL;
            }
            try {
                current = Redirects.target(response);
            } catch (FetchFailure unusableRedirect) {
                // a redirect that leads nowhere makes the file unavailable, like a 4xx
                return RobotsRules.ALLOW_ALL;
            }
        }
        return RobotsRules.ALLOW_ALL;
    }
}
