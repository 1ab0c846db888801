package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private static final int CAP = 64 * 1024;

    private FixtureServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = FixtureServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void an_oversize_page_is_cut_at_the_cap_flagged_and_its_first_part_analysed() throws Exception {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(Reply.resource("oversize-head.html"));
        page.writeBytes("<p>filler</p>\n".repeat(80_000).getBytes());
        server.on("big.example", "/", Reply.bytes("text/html; charset=utf-8", page.toByteArray()));

        WebsiteAnalysis analysis = analyze(server.options().withMaxBodyBytes(CAP), "http://big.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.truncated()).isTrue();
        assertThat(analysis.bytesRead()).isEqualTo(CAP);
        assertThat(analysis.title()).isEqualTo("Humber Archives");
        assertThat(analysis.emails()).containsExactly("records@humber-archives.co.uk");
        assertThat(analysis.technologies()).extracting(TechDetection::name).containsExactly("jQuery");
    }

    @Test
    void a_page_that_never_ends_is_cut_at_the_cap_and_the_connection_dropped() throws Exception {
        long endless = 512L * 1024 * 1024;
        server.on("endless.example", "/", Reply.endless("oversize-head.html", endless));

        WebsiteAnalysis analysis = analyze(server.options().withMaxBodyBytes(CAP), "http://endless.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.truncated()).isTrue();
        assertThat(analysis.bytesRead()).isEqualTo(CAP);
        await().atMost(Duration.ofSeconds(10)).until(server::endlessFinished);
        assertThat(server.endlessBytesWritten()).isLessThan(endless / 8);
    }

    @Test
    void a_page_slower_than_the_request_timeout_times_out() throws Exception {
        server.on("slow.example", "/", Reply.html("<title>Late</title>").delayed(Duration.ofSeconds(10)));
        WebsiteOptions options = server.options().withRequestTimeout(Duration.ofMillis(300));

        WebsiteAnalysis analysis = analyze(options, "http://slow.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(analysis.httpStatus()).isNull();
        assertThat(analysis.error()).contains("300 ms");
        assertThat(analysis.finalUrl()).isEqualTo("http://slow.example/");
        assertThat(analysis.fetchDuration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_page_whose_body_stalls_after_the_headers_times_out() throws Exception {
        server.on("stalling.example", "/", Reply.stalling("<html><head><title>Half a page"));
        WebsiteOptions options = server.options().withRequestTimeout(Duration.ofMillis(300));

        WebsiteAnalysis analysis = analyze(options, "http://stalling.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(analysis.error()).isEqualTo("no complete response within 300 ms");
        assertThat(analysis.fetchDuration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void the_site_budget_bounds_robots_redirects_and_page_together() throws Exception {
        Duration step = Duration.ofMillis(250);
        server.on("steps.example", "/robots.txt", Reply.robots("").delayed(step))
                .on("steps.example", "/", Reply.redirect(302, "/home").delayed(step))
                .on("steps.example", "/home", Reply.html("<title>Home</title>").delayed(step));
        WebsiteOptions options =
                server.options().withRequestTimeout(Duration.ofSeconds(3)).withSiteBudget(Duration.ofMillis(600));

        WebsiteAnalysis analysis = analyze(options, "http://steps.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(analysis.finalUrl()).isEqualTo("http://steps.example/home");
    }

    @Test
    void a_slow_site_does_not_hold_up_the_others() throws Exception {
        server.on("slow.example", "/", Reply.html("<title>Slow</title>").delayed(Duration.ofSeconds(10)));
        List<String> urls = new ArrayList<>(List.of("http://slow.example/"));
        for (int i = 1; i <= 6; i++) {
            server.on("fast" + i + ".example", "/", Reply.html("<title>Fast " + i + "</title>"));
            urls.add("http://fast" + i + ".example/");
        }
        List<WebsiteAnalysis> finished = Collections.synchronizedList(new ArrayList<>());
        WebsiteOptions options =
                server.options().withRequestTimeout(Duration.ofSeconds(2)).withConcurrency(2);

        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(options)) {
            analyzer.analyzeAll(urls, finished::add);
        }

        assertThat(finished).hasSize(7);
        assertThat(finished.subList(0, 6))
                .allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.ANALYZED));
        assertThat(finished.get(6).requestedUrl()).isEqualTo("http://slow.example/");
        assertThat(finished.get(6).outcome()).isEqualTo(Outcome.TIMEOUT);
    }

    private static WebsiteAnalysis analyze(WebsiteOptions options, String url) throws InterruptedException {
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(options)) {
            return analyzer.analyze(url);
        }
    }
}
