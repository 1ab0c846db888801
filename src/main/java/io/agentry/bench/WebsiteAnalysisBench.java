package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.website.WebsiteBench;
import java.util.Map;
import java.util.TreeMap;

/** The websites workload: {@link WebsiteBench} with the run's settings, as a report. */
final class WebsiteAnalysisBench {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"sites", "delay_ms", "concurrency", "elapsed_s", "sites_per_s", "requests", "outcomes"})
    record Result(
            int sites,
            long delayMs,
            int concurrency,
            double elapsedS,
            double sitesPerS,
            long requests,
            Map<String, Long> outcomes,
            @JsonIgnore String text)
            implements WorkloadResult {

        @Override
        @JsonIgnore
        public boolean timedOut() {
            return false;
        }

        @Override
        public String summary() {
            return "websites: " + text;
        }
    }

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        WebsiteBench.Result result = WebsiteBench.run(
                new WebsiteBench.Settings(settings.websites(), settings.websiteDelay(), settings.concurrency()),
                context.clock());
        Map<String, Long> outcomes = new TreeMap<>();
        result.outcomes().forEach((outcome, count) -> outcomes.put(outcome.name(), count));
        return new Result(
                settings.websites(),
                settings.websiteDelay().toMillis(),
                settings.concurrency(),
                result.elapsed().toNanos() / 1e9,
                Math.round(result.sitesPerSecond() * 10) / 10.0,
                result.requests(),
                outcomes,
                result.summary());
    }
}
