package io.agentry.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.website.SocialLinks;
import io.agentry.website.WebsiteAnalysis;
import io.agentry.website.WebsiteAnalysis.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebsiteResultTest {

    @Test
    void a_site_whose_robots_txt_keeps_us_out_is_skipped_not_failed() {
        WebsiteResult result = WebsiteResult.of(notAnalyzed(Outcome.ROBOTS_DENIED, "robots.txt disallows /"));

        assertThat(result.status()).isEqualTo(SourceStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo("robots.txt disallows /");
        assertThat(result.toJson().path("outcome").asText()).isEqualTo("ROBOTS_DENIED");
    }

    @Test
    void any_other_outcome_but_an_analysed_page_is_a_failure_naming_the_outcome() {
        WebsiteResult result = WebsiteResult.of(notAnalyzed(Outcome.NOT_FOUND, "the page answered HTTP 404"));

        assertThat(result.status()).isEqualTo(SourceStatus.FAILED);
        assertThat(result.reason()).isEqualTo("NOT_FOUND: the page answered HTTP 404");
        assertThat(result.toJson().has("technologies")).isFalse();
    }

    private static WebsiteAnalysis notAnalyzed(Outcome outcome, String error) {
        return new WebsiteAnalysis(
                "http://acme.example/",
                "http://acme.example/",
                outcome,
                outcome == Outcome.NOT_FOUND ? 404 : null,
                error,
                null,
                null,
                List.of(),
                SocialLinks.none(),
                null,
                null,
                null,
                List.of(),
                Duration.ofMillis(40),
                0,
                false);
    }
}
