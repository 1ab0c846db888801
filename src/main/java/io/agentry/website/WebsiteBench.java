package io.agentry.website;

import io.agentry.support.Clock;
import io.agentry.website.WebsiteAnalysis.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The website analyzer's throughput, measured against a local server that stands for many sites
 * (see {@link BenchSites}): every request is answered after a fixed delay, like a remote
 * server's, and reaches the server through the analyzer's proxy option with its own host name.
 * Each site costs a robots.txt and a home page, and half of them a careers page too. The time
 * measured is that of {@link WebsiteAnalyzer#analyzeAll}, from a cold start of the analyzer.
 */
public final class WebsiteBench {
    private WebsiteBench() {}

    /**
     * @param sites how many distinct sites (host names) to analyse (default 1000; 1 to 1,000,000)
     * @param delay how long the server waits before each answer (default 50 ms; 0 to 10 s)
     * @param concurrency sites analysed at once, {@link WebsiteOptions#concurrency()} (default 16)
     */
    public record Settings(int sites, Duration delay, int concurrency) {
        public Settings {
            if (sites < 1 || sites > 1_000_000) {
                throw new IllegalArgumentException("sites must be between 1 and 1000000, was " + sites);
            }
            if (delay.isNegative() || delay.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("delay must be between 0 and 10 s, was " + delay);
            }
            if (concurrency < 1 || concurrency > 1_000) {
                throw new IllegalArgumentException("concurrency must be between 1 and 1000, was " + concurrency);
            }
        }

        public static Settings defaults() {
            return new Settings(1_000, Duration.ofMillis(50), 16);
        }
    }

    /**
     * @param elapsed the wall time of analysing all sites
     * @param sitesPerSecond sites divided by elapsed seconds
     * @param requests HTTP requests the server answered
     * @param outcomes how many sites ended in each outcome, in the enum's order
     */
    public record Result(
            Settings settings, Duration elapsed, double sitesPerSecond, long requests, Map<Outcome, Long> outcomes) {

        public String summary() {
            return String.format(
                    "%d sites (%d ms per answer, %d at once) in %.2f s: %.1f sites/s, %d requests; %s",
                    settings.sites(),
                    settings.delay().toMillis(),
                    settings.concurrency(),
                    elapsed.toNanos() / 1e9,
                    sitesPerSecond,
                    requests,
                    outcomes.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
    }

    public static Result run(Settings settings) throws IOException, InterruptedException {
        return run(settings, Clock.system());
    }

    public static Result run(Settings settings, Clock clock) throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>(settings.sites());
        for (int site = 1; site <= settings.sites(); site++) {
            urls.add(BenchSites.url(site));
        }
        Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
        try (BenchSites sites = BenchSites.start(settings.delay());
                WebsiteAnalyzer analyzer = new WebsiteAnalyzer(
                        WebsiteOptions.defaults()
                                .withConcurrency(settings.concurrency())
                                .withProxy(sites.proxy()),
                        clock)) {
            long started = clock.nanoTime();
            analyzer.analyzeAll(urls, analysis -> counts.get(analysis.outcome()).increment());
            Duration elapsed = Duration.ofNanos(clock.nanoTime() - started);
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            counts.forEach((outcome, count) -> {
                if (count.sum() > 0) {
                    outcomes.put(outcome, count.sum());
                }
            });
            return new Result(
                    settings, elapsed, settings.sites() / (elapsed.toNanos() / 1e9), sites.requests(), outcomes);
        }
    }
}
