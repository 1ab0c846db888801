package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.support.Threads;
import io.agentry.website.WebsiteAnalysis.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PerHostTest {
    private static final Duration SERVER_TIME = Duration.ofMillis(60);

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
    void one_host_gets_one_request_at_a_time_while_different_hosts_overlap() throws Exception {
        List<String> urls = new ArrayList<>();
        for (String host : List.of("a.example", "b.example", "c.example")) {
            server.on(host, "/robots.txt", Reply.robots("").delayed(SERVER_TIME));
            for (String path : List.of("/", "/one", "/two", "/three")) {
                server.on(
                        host,
                        path,
                        Reply.html("<title>" + host + path + "</title>").delayed(SERVER_TIME));
                urls.add("http://" + host + path);
            }
        }

        Map<String, WebsiteAnalysis> results;
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(server.options().withConcurrency(8))) {
            results = analyzer.analyzeAll(urls);
        }

        assertThat(results.values()).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.ANALYZED));
        assertThat(List.of("a.example", "b.example", "c.example"))
                .allSatisfy(
                        host -> assertThat(server.maxConcurrent(host)).as(host).isEqualTo(1));
        assertThat(server.maxConcurrentOverall()).isGreaterThan(1);
    }

    @Test
    void redirects_from_many_sites_to_one_host_still_wait_their_turn_there() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String host = "brand" + i + ".example";
            server.on(
                            host,
                            "/",
                            Reply.redirect(302, "http://group.example/brand" + i)
                                    .delayed(SERVER_TIME))
                    .on(
                            "group.example",
                            "/brand" + i,
                            Reply.html("<title>Brand " + i + "</title>").delayed(SERVER_TIME));
            urls.add("http://" + host + "/");
        }

        Map<String, WebsiteAnalysis> results;
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(server.options().withConcurrency(6))) {
            results = analyzer.analyzeAll(urls);
        }

        assertThat(results.values()).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.ANALYZED));
        assertThat(server.maxConcurrent("group.example")).isEqualTo(1);
        assertThat(server.maxConcurrentOverall()).isGreaterThan(1);
        assertThat(server.pathsRequested("group.example"))
                .filteredOn("/robots.txt"::equals)
                .hasSize(1);
    }

    @Test
    void callers_of_analyze_on_their_own_threads_share_the_same_turns() throws Exception {
        server.on("shared.example", "/robots.txt", Reply.robots("").delayed(SERVER_TIME));
        for (int i = 0; i < 4; i++) {
            server.on(
                    "shared.example",
                    "/" + i,
                    Reply.html("<title>" + i + "</title>").delayed(SERVER_TIME));
        }

        ExecutorService callers = Executors.newFixedThreadPool(4, Threads.factory("caller"));
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(server.options())) {
            List<Future<WebsiteAnalysis>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String url = "http://shared.example/" + i;
                results.add(callers.submit(() -> analyzer.analyze(url)));
            }
            for (Future<WebsiteAnalysis> result : results) {
                assertThat(result.get().outcome()).isEqualTo(Outcome.ANALYZED);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(server.maxConcurrent("shared.example")).isEqualTo(1);
    }
}
