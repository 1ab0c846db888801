package io.agentry.website;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What was learnt about one site. Unless the outcome is {@link Outcome#ANALYZED}, only the first
 * five fields and {@code fetchDuration} say anything; the others are empty ({@code null}, an empty
 * list, {@link SocialLinks#none()}, zero, false).
 *
 * @param requestedUrl the URL as the caller gave it
 * @param finalUrl the URL of the last request made for the home page: the page analysed, or
 *     where the analysis stopped; {@code null} when the input was not a URL
 * @param outcome what happened, see {@link Outcome}
 * @param httpStatus the status of the last home-page response; {@code null} when none arrived
 * @param error a sentence saying why the outcome is not {@code ANALYZED}; {@code null} when it is
 * @param title the page's {@code <title>}, else its {@code og:title}; {@code null} when neither
 * @param description the page's meta description, else its {@code og:description}
 * @param technologies one entry per technology recognised, in the order of the signature file
 * @param socialLinks the company's own profiles linked from the home page
 * @param careersUrl the careers or jobs page linked from the home page, absolute
 * @param careersOutcome how fetching the careers page went; {@code null} when it was not fetched
 *     (no link, or {@link WebsiteOptions#fetchCareersPage()} off)
 * @param jobCount how many open jobs the careers page lists (see docs/website-analysis.md for
 *     how they are counted); {@code null} when unknown, never a guess
 * @param emails contact addresses from the home page: mailto links first, then addresses in the
 *     text; lower case, each once
 * @param fetchDuration the wall time of the whole analysis, robots.txt and careers page included
 * @param bytesRead how many bytes of the home page's body were read
 * @param truncated whether the home page was longer than {@link WebsiteOptions#maxBodyBytes()}
 *     and only its first {@code bytesRead} bytes were analysed
 */
public record WebsiteAnalysis(
        String requestedUrl,
        String finalUrl,
        Outcome outcome,
        Integer httpStatus,
        String error,
        String title,
        String description,
        List<TechDetection> technologies,
        SocialLinks socialLinks,
        String careersUrl,
        Outcome careersOutcome,
        Integer jobCount,
        List<String> emails,
        Duration fetchDuration,
        long bytesRead,
        boolean truncated) {

    /** How the analysis of a site ended. */
    public enum Outcome {
        /** The home page was fetched (perhaps only its first part, see truncated) and analysed. */
        ANALYZED,
        /** The page answered 404 or 410. */
        NOT_FOUND,
        /**
         * robots.txt does not let our user agent fetch the page, or answered with a server error
         * (RFC 9309: then nothing may be fetched). The page itself was not requested.
         */
        ROBOTS_DENIED,
        /** The request timeout or the site budget ran out, or the host's turn never came. */
        TIMEOUT,
        /**
         * Any other status than 2xx, 404 and 410; or a redirect loop, more redirects than allowed,
         * or a redirect without a usable Location.
         */
        HTTP_ERROR,
        /** No HTTP response at all: unknown host, refused connection, TLS failure, reset. */
        UNREACHABLE,
        /** A 2xx response whose content is not HTML. */
        NOT_HTML,
        /** The input is not an http or https URL of a named host. */
        INVALID_URL
    }

    public WebsiteAnalysis {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(fetchDuration, "fetchDuration");
        technologies = List.copyOf(technologies);
        socialLinks = Objects.requireNonNull(socialLinks, "socialLinks");
        emails = List.copyOf(emails);
    }

    public boolean analyzed() {
        return outcome == Outcome.ANALYZED;
    }

    /** Whether a technology of this name was recognised. */
    public boolean uses(String technology) {
        return technologies.stream().anyMatch(t -> t.name().equalsIgnoreCase(technology));
    }

    /** A site that was not analysed: only the first five fields and the duration say anything. */
    static WebsiteAnalysis notAnalyzed(
            String requestedUrl, URI finalUri, Outcome outcome, Integer httpStatus, String error, Duration duration) {
        return new WebsiteAnalysis(
                requestedUrl,
                finalUri == null ? null : finalUri.toString(),
                outcome,
                httpStatus,
                error,
                null,
                null,
                List.of(),
                SocialLinks.none(),
                null,
                null,
                null,
                List.of(),
                duration,
                0,
                false);
    }

    static WebsiteAnalysis failed(String requestedUrl, FetchFailure failure, Duration duration) {
        return notAnalyzed(
                requestedUrl, failure.uri(), failure.outcome(), failure.status(), failure.getMessage(), duration);
    }
}
