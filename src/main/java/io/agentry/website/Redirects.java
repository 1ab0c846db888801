package io.agentry.website;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.URI;
import java.net.URISyntaxException;

/** What a redirect response points to. */
final class Redirects {
    private Redirects() {}

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The absolute target of a redirect: its Location resolved against the URL that answered, so a
     * relative Location works, without a fragment.
     */
    static URI target(Response response) throws FetchFailure {
        String location = response.headers()
                .firstValue("Location")
                .map(String::strip)
                .orElseThrow(() -> new FetchFailure(
                        Outcome.HTTP_ERROR,
                        response.uri(),
                        response.status(),
                        "HTTP " + response.status() + " redirect without a Location header"));
        URI target;
        try {
            target = response.uri().resolve(new URI(location.replace(" ", "%20")));
        } catch (URISyntaxException e) {
            throw new FetchFailure(
                    Outcome.HTTP_ERROR,
                    response.uri(),
                    response.status(),
                    "HTTP " + response.status() + " redirect to an invalid Location: " + location,
                    e);
        }
        try {
            return SiteAddress.normalise(target);
        } catch (FetchFailure e) {
            throw new FetchFailure(
                    Outcome.HTTP_ERROR,
                    response.uri(),
                    response.status(),
                    "HTTP " + response.status() + " redirect to " + location + ": " + e.getMessage(),
                    e);
        }
    }
}
