package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebsiteBenchTest {

    @Test
    void the_bench_analyses_every_site_and_counts_outcomes_and_requests() throws Exception {
        WebsiteBench.Result result = WebsiteBench.run(new WebsiteBench.Settings(40, Duration.ofMillis(5), 8));

        assertThat(result.outcomes()).isEqualTo(Map.of(Outcome.ANALYZED, 40L));
        assertThat(result.requests()).isEqualTo(40 * 2 + 20);
        assertThat(result.sitesPerSecond()).isPositive();
        assertThat(result.summary())
                .startsWith("40 sites (5 ms per answer, 8 at once) in ")
                .contains("ANALYZED 40");
    }
}
