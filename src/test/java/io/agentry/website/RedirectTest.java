package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.website.WebsiteAnalysis.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedirectTest {
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
    void a_301_then_a_relative_302_lead_to_the_page_and_the_final_url_says_where() throws Exception {
        server.on("acme.example", "/", Reply.redirect(301, "http://www.acme.example/en/start"))
                .on("www.acme.example", "/en/start", Reply.redirect(302, "../home/?from=start"))
                .on("www.acme.example", "/home/", Reply.html("<title>Acme home</title>"));

        WebsiteAnalysis analysis = analyze(server.options(), "http://acme.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.finalUrl()).isEqualTo("http://www.acme.example/home/?from=start");
        assertThat(analysis.title()).isEqualTo("Acme home");
        assertThat(server.pathsRequested("acme.example")).containsExactly("/robots.txt", "/");
        assertThat(server.pathsRequested("www.acme.example")).containsExactly("/robots.txt", "/en/start", "/home/");
    }

    @Test
    void a_redirect_loop_is_an_http_error() throws Exception {
        server.on("loop.example", "/", Reply.redirect(302, "/a")).on("loop.example", "/a", Reply.redirect(301, "/"));

        WebsiteAnalysis analysis = analyze(server.options(), "http://loop.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(analysis.httpStatus()).isEqualTo(301);
        assertThat(analysis.error()).startsWith("redirect loop");
        assertThat(server.pathsRequested("loop.example")).containsExactly("/robots.txt", "/", "/a");
    }

    @Test
    void more_redirects_than_allowed_is_an_http_error() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.on("chain.example", "/" + i, Reply.redirect(307, "/" + (i + 1)));
        }
        server.on("chain.example", "/5", Reply.html("<title>End</title>"));

        WebsiteAnalysis tooMany = analyze(server.options().withMaxRedirects(2), "http://chain.example/0");
        WebsiteAnalysis enough = analyze(server.options().withMaxRedirects(5), "http://chain.example/0");

        assertThat(tooMany.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(tooMany.error()).startsWith("more than 2 redirects");
        assertThat(tooMany.finalUrl()).isEqualTo("http://chain.example/2");
        assertThat(enough.outcome()).isEqualTo(Outcome.ANALYZED);
    }

    @Test
    void a_redirect_without_a_usable_location_is_an_http_error() throws Exception {
        server.on("nowhere.example", "/", new Reply(302, java.util.List.of(), new byte[0], java.time.Duration.ZERO, 0))
                .on("ftp.example", "/", Reply.redirect(301, "ftp://ftp.example/pub/"));

        WebsiteAnalysis noLocation = analyze(server.options(), "http://nowhere.example/");
        WebsiteAnalysis otherScheme = analyze(server.options(), "http://ftp.example/");

        assertThat(noLocation.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(noLocation.error()).contains("without a Location");
        assertThat(otherScheme.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(otherScheme.error()).contains("ftp://ftp.example/pub/");
    }

    @Test
    void every_hop_honours_its_own_hosts_robots_txt() throws Exception {
        server.on("open.example", "/", Reply.redirect(302, "http://closed.example/welcome"))
                .on("closed.example", "/robots.txt", Reply.robots("User-agent: *\nDisallow: /welcome\n"))
                .on("closed.example", "/welcome", Reply.html("<title>Never</title>"));

        WebsiteAnalysis analysis = analyze(server.options(), "http://open.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ROBOTS_DENIED);
        assertThat(analysis.finalUrl()).isEqualTo("http://closed.example/welcome");
        assertThat(server.pathsRequested("closed.example")).containsExactly("/robots.txt");
    }
}
