package io.agentry.website;

import io.agentry.support.Clock;
import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis of one site: the caller's string to URLs to try, the home page through redirects
 * and robots.txt, what the page says, then the careers page it links to. Safe to use from many
 * threads at once; it holds no state of its own.
 */
final class SiteVisit {
    private static final Logger log = LoggerFactory.getLogger(SiteVisit.class);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final WebsiteOptions options;
    private final Clock clock;
    private final Navigator navigator;
    private final TechSignatures signatures;
    private final HttpFetcher.BodyPolicy pageBody;

    SiteVisit(WebsiteOptions options, Clock clock, Navigator navigator, TechSignatures signatures) {
        this.options = options;
        this.clock = clock;
        this.navigator = navigator;
        this.signatures = signatures;
        this.pageBody = Pages.policy(options.maxBodyBytes());
    }

    WebsiteAnalysis analyze(String input) throws InterruptedException {
        long started = clock.nanoTime();
        Budget budget = Budget.of(clock, options.siteBudget());
        WebsiteAnalysis analysis = visit(input, budget, started);
        log.debug(
                "{}: {} in {} ms",
                input,
                analysis.outcome(),
                analysis.fetchDuration().toMillis());
        return analysis;
    }

    private WebsiteAnalysis visit(String input, Budget budget, long started) throws InterruptedException {
        List<URI> candidates;
        try {
            candidates = SiteAddress.candidates(input);
        } catch (FetchFailure invalid) {
            return WebsiteAnalysis.failed(input, invalid, since(started));
        }
        FetchFailure failure = null;
        for (URI candidate : candidates) {
            try {
                return analyse(input, navigator.follow(candidate, pageBody, budget), budget, started);
            } catch (FetchFailure e) {
                failure = e;
                if (e.outcome() != Outcome.UNREACHABLE) {
                    break;
                }
            }
        }
        return WebsiteAnalysis.failed(input, failure, since(started));
    }

    private WebsiteAnalysis analyse(String input, Response home, Budget budget, long started)
            throws InterruptedException {
        Outcome outcome = outcomeOf(home);
        if (outcome != Outcome.ANALYZED) {
            return WebsiteAnalysis.notAnalyzed(input, home.uri(), outcome, home.status(), why(home), since(started));
        }
        Document page = Pages.parse(home);
        List<Link> links = Link.all(page);
        String careersUrl = CareersLinkFinder.find(links, home.uri().toString());
        Careers careers = careersUrl != null && options.fetchCareersPage() ? careers(careersUrl, budget) : Careers.NONE;
        return new WebsiteAnalysis(
                input,
                home.uri().toString(),
                Outcome.ANALYZED,
                home.status(),
                null,
                firstText(page.title(), page.selectFirst("meta[property=og:title]")),
                firstText(
                        "",
                        page.selectFirst("meta[name=description]"),
                        page.selectFirst("meta[property=og:description]")),
                signatures.detect(PageEvidence.of(page, home.headers())),
                SocialLinkFinder.find(links),
                careersUrl,
                careers.outcome(),
                careers.jobCount(),
                EmailFinder.find(page),
                since(started),
                home.body().length(),
                home.body().truncated());
    }

    /** How fetching the careers page went, and the jobs it lists. */
    private record Careers(Outcome outcome, Integer jobCount) {
        static final Careers NONE = new Careers(null, null);
    }

    /**
     * The careers page counts for nothing but its jobs: whatever goes wrong with it, the site
     * stays analysed, with the careers outcome saying what went wrong and no job count.
     */
    private Careers careers(String url, Budget budget) throws InterruptedException {
        URI uri;
        try {
            uri = SiteAddress.normalise(new URI(url));
        } catch (URISyntaxException | FetchFailure e) {
            return new Careers(Outcome.INVALID_URL, null);
        }
        try {
            Response response = navigator.follow(uri, pageBody, budget);
            Outcome outcome = outcomeOf(response);
            return new Careers(outcome, outcome == Outcome.ANALYZED ? JobCounter.count(Pages.parse(response)) : null);
        } catch (FetchFailure e) {
            log.debug("Careers page {} not read: {}", url, e.getMessage());
            return new Careers(e.outcome(), null);
        }
    }

    private static Outcome outcomeOf(Response response) {
        if (response.status() == 404 || response.status() == 410) {
            return Outcome.NOT_FOUND;
        }
        if (!response.successful()) {
            return Outcome.HTTP_ERROR;
        }
        return Pages.isHtml(response) ? Outcome.ANALYZED : Outcome.NOT_HTML;
    }

    private static String why(Response response) {
        return response.successful() ? "not HTML: " + Pages.mediaTypeOrUnknown(response) : "HTTP " + response.status();
    }

    /** The first non-blank of the text and the elements' content attributes, whitespace collapsed. */
    private static String firstText(String text, Element... metas) {
        String collapsed = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        if (!collapsed.isEmpty()) {
            return collapsed;
        }
        for (Element meta : metas) {
            if (meta != null && !meta.attr("content").isBlank()) {
                return WHITESPACE.matcher(meta.attr("content").strip()).replaceAll(" ");
            }
        }
        return null;
    }

    private Duration since(long started) {
        return Duration.ofNanos(clock.nanoTime() - started);
    }
}
