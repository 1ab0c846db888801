package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RobotsTest {
    private FixtureServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = FixtureServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private WebsiteAnalysis analyze(WebsiteOptions options, String url) throws InterruptedException {
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(options)) {
            return analyzer.analyze(url);
        }
    }

    @Test
    void robots_txt_denying_our_agent_stops_the_analysis_before_the_page_is_requested() throws Exception {
        server.on("private.example", "/robots.txt", Reply.robots("User-agent: Agentry\nDisallow: /\n"))
                .on("private.example", "/", Reply.page("rich-home.html"));

        WebsiteAnalysis analysis = analyze(server.options(), "http://private.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ROBOTS_DENIED);
        assertThat(analysis.error()).isEqualTo("robots.txt says \"Disallow: /\" for /");
        assertThat(analysis.httpStatus()).isNull();
        assertThat(server.pathsRequested("private.example")).containsExactly("/robots.txt");
    }

    @Test
    void robots_txt_denying_only_other_crawlers_lets_us_in() throws Exception {
        server.on("picky.example", "/robots.txt", Reply.robots("User-agent: GPTBot\nDisallow: /\n"))
                .on("picky.example", "/", Reply.html("<title>Picky</title>"));

        assertThat(analyze(server.options(), "http://picky.example/").outcome()).isEqualTo(Outcome.ANALYZED);
    }

    @Test
    void a_missing_robots_txt_allows_everything() throws Exception {
        server.on("open.example", "/", Reply.html("<title>Open</title>"));

        assertThat(analyze(server.options(), "http://open.example/").outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(server.pathsRequested("open.example")).containsExactly("/robots.txt", "/");
    }

    @Test
    void a_robots_txt_answering_with_a_server_error_denies_everything() throws Exception {
        server.on("troubled.example", "/robots.txt", Reply.status(503))
                .on("troubled.example", "/", Reply.html("<title>Troubled</title>"));

        WebsiteAnalysis analysis = analyze(server.options(), "http://troubled.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ROBOTS_DENIED);
        assertThat(analysis.error()).contains("HTTP 503");
        assertThat(server.pathsRequested("troubled.example")).containsExactly("/robots.txt");
    }

    @Test
    void a_robots_txt_that_never_answers_means_no_page_is_requested() throws Exception {
        server.on("silent.example", "/robots.txt", Reply.robots("").delayed(Duration.ofSeconds(10)))
                .on("silent.example", "/", Reply.html("<title>Silent</title>"));

        WebsiteAnalysis analysis =
                analyze(server.options().withRequestTimeout(Duration.ofMillis(300)), "http://silent.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(analysis.error()).startsWith("fetching robots.txt");
        assertThat(server.pathsRequested("silent.example")).containsExactly("/robots.txt");
    }

    @Test
    void robots_txt_is_fetched_once_per_host_for_the_analyzers_life() throws Exception {
        server.on("acme.example", "/robots.txt", Reply.robots("User-agent: *\nDisallow: /admin\n"));
        for (String path : List.of("/", "/about", "/contact")) {
            server.on("acme.example", path, Reply.html("<title>" + path + "</title>"));
        }

        Map<String, WebsiteAnalysis> results;
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(server.options())) {
            results = analyzer.analyzeAll(List.of("http://acme.example/", "http://acme.example/about"));
            results.put("http://acme.example/admin", analyzer.analyze("http://acme.example/admin"));
            results.put("http://acme.example/contact", analyzer.analyze("http://acme.example/contact"));
        }

        assertThat(results.values())
                .extracting(WebsiteAnalysis::outcome)
                .containsExactly(Outcome.ANALYZED, Outcome.ANALYZED, Outcome.ROBOTS_DENIED, Outcome.ANALYZED);
        assertThat(server.pathsRequested("acme.example"))
                .filteredOn("/robots.txt"::equals)
                .hasSize(1);
    }

    @Test
    void a_careers_page_denied_by_robots_leaves_the_site_analysed_without_jobs() throws Exception {
        server.on("acme.example", "/robots.txt", Reply.robots("User-agent: *\nDisallow: /careers\n"))
                .on("acme.example", "/", Reply.page("rich-home.html"))
                .on("acme.example", "/careers", Reply.page("careers.html"));

        WebsiteAnalysis analysis = analyze(server.options(), "http://acme.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.careersUrl()).isEqualTo("http://acme.example/careers");
        assertThat(analysis.careersOutcome()).isEqualTo(Outcome.ROBOTS_DENIED);
        assertThat(analysis.jobCount()).isNull();
        assertThat(server.pathsRequested("acme.example")).doesNotContain("/careers");
    }
}
