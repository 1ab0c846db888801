package io.agentry.website;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * Follows redirects by hand, so that every hop is checked against its own origin's robots.txt and
 * waits for its own host's turn, as the first request did. A relative Location is resolved
 * against the URL that answered. A redirect back to a URL already visited, or more hops than
 * allowed, ends the fetch as {@code HTTP_ERROR}.
 */
final class Navigator {
    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final int maxRedirects;

    Navigator(HttpFetcher fetcher, RobotsCache robots, int maxRedirects) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.maxRedirects = maxRedirects;
    }

    /** The first response that is not a redirect. */
    Response follow(URI start, HttpFetcher.BodyPolicy body, Budget budget) throws FetchFailure, InterruptedException {
        Set<URI> visited = new HashSet<>();
        visited.add(start);
        URI current = start;
        for (int redirects = 0; ; redirects++) {
            robots.check(current, budget);
            Response response = fetcher.get(current, body, budget);
            if (!Redirects.isRedirect(response.status())) {
                return response;
            }
            URI next = Redirects.target(response);
            if (!visited.add(next)) {
                throw new FetchFailure(
                        Outcome.HTTP_ERROR,
                        current,
                        response.status(),
                        "redirect loop: " + current + " leads back to " + next);
            }
            if (redirects == maxRedirects) {
                throw new FetchFailure(
                        Outcome.HTTP_ERROR,
                        current,
                        response.status(),
                        "more than " + maxRedirects + " redirects; the next was to " + next);
            }
            current = next;
        }
    }
}
