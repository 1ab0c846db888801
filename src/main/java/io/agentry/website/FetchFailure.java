package io.agentry.website;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.URI;

/** Why a fetch gave no response to analyse, with the outcome the site gets for it. */
final class FetchFailure extends Exception {
    private final Outcome outcome;
    private final URI uri;
    private final Integer status;

    FetchFailure(Outcome outcome, URI uri, Integer status, String message) {
        this(outcome, uri, status, message, null);
    }

    FetchFailure(Outcome outcome, URI uri, Integer status, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
        this.uri = uri;
        this.status = status;
    }

    Outcome outcome() {
        return outcome;
    }

    /** The URL being fetched when it failed; {@code null} when the input was not a URL. */
    URI uri() {
        return uri;
    }

    /** The HTTP status that ended the fetch; {@code null} when no response arrived. */
    Integer status() {
        return status;
    }
}
