package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebsiteAnalyzerTest {
    private FixtureServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = FixtureServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private WebsiteAnalysis analyze(String url) throws InterruptedException {
        return analyze(server.options(), url);
    }

    private static WebsiteAnalysis analyze(WebsiteOptions options, String url) throws InterruptedException {
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(options)) {
            return analyzer.analyze(url);
        }
    }

    @Test
    void rich_home_page_gives_title_description_technologies_profiles_addresses_and_careers() throws Exception {
        server.on("acme.example", "/", Reply.page("rich-home.html"))
                .on("acme.example", "/careers", Reply.page("careers.html"));

        WebsiteAnalysis analysis = analyze("http://acme.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.httpStatus()).isEqualTo(200);
        assertThat(analysis.error()).isNull();
        assertThat(analysis.finalUrl()).isEqualTo("http://acme.example/");
        assertThat(analysis.title()).isEqualTo("Acme Widgets Ltd | Precision widgets made in Sheffield");
        assertThat(analysis.description())
                .isEqualTo("Acme Widgets designs and makes precision widgets for the rail and energy industries.");
        assertThat(analysis.technologies())
                .extracting(TechDetection::name)
                .containsExactly("React", "Next.js", "HubSpot", "Stripe", "Intercom", "Google Tag Manager", "Hotjar");
        assertThat(analysis.technologies())
                .contains(new TechDetection(
                        "Stripe", "Payments", "script src contains \"js.stripe.com\": https://js.stripe.com/v3/"));
        assertThat(analysis.socialLinks())
                .isEqualTo(new SocialLinks(
                        "https://www.linkedin.com/company/acme-widgets-ltd",
                        "https://x.com/AcmeWidgets",
                        "https://www.facebook.com/AcmeWidgetsUK",
                        "https://www.instagram.com/acmewidgets",
                        "https://www.youtube.com/@AcmeWidgets",
                        "https://github.com/acme-widgets"));
        assertThat(analysis.emails())
                .containsExactly(
                        "hello@acme-widgets.co.uk",
                        "sales@acme-widgets.co.uk",
                        "support@acme-widgets.co.uk",
                        "press@acme-widgets.co.uk");
        assertThat(analysis.careersUrl()).isEqualTo("http://acme.example/careers");
        assertThat(analysis.careersOutcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.jobCount()).isEqualTo(3);
        assertThat(analysis.bytesRead()).isEqualTo(Reply.resource("rich-home.html").length);
        assertThat(analysis.truncated()).isFalse();
        assertThat(analysis.fetchDuration()).isPositive();
        assertThat(server.pathsRequested("acme.example")).containsExactly("/robots.txt", "/", "/careers");
        assertThat(server.requests())
                .allSatisfy(request -> assertThat(request.userAgent()).isEqualTo(WebsiteOptions.defaultUserAgent()));
    }

    @Test
    void careers_page_is_reported_but_not_fetched_when_the_option_is_off() throws Exception {
        server.on("acme.example", "/", Reply.page("rich-home.html"));

        WebsiteAnalysis analysis = analyze(server.options().withFetchCareersPage(false), "http://acme.example/");

        assertThat(analysis.careersUrl()).isEqualTo("http://acme.example/careers");
        assertThat(analysis.careersOutcome()).isNull();
        assertThat(analysis.jobCount()).isNull();
        assertThat(server.pathsRequested("acme.example")).containsExactly("/robots.txt", "/");
    }

    @Test
    void a_careers_page_that_fails_leaves_the_site_analysed_without_a_job_count() throws Exception {
        server.on("acme.example", "/", Reply.page("rich-home.html"));

        WebsiteAnalysis analysis = analyze("http://acme.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.careersOutcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(analysis.jobCount()).isNull();
    }

    @Test
    void broken_html_is_still_analysed() throws Exception {
        server.on("bodge.example", "/", Reply.page("broken.html"));

        WebsiteAnalysis analysis = analyze("http://bodge.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.title()).isEqualTo("Bodge & Sons <b>Builders");
        assertThat(analysis.description()).isEqualTo("Builders in Leeds since 1962");
        assertThat(analysis.technologies()).extracting(TechDetection::name).containsExactly("WordPress", "jQuery");
        assertThat(analysis.emails()).containsExactly("office@bodgeandsons.co.uk");
        assertThat(analysis.careersUrl()).isEqualTo("http://bodge.example/vacancies");
        assertThat(analysis.socialLinks().facebook()).isEqualTo("https://www.facebook.com/BodgeAndSons");
    }

    @Test
    void missing_and_gone_pages_are_not_found() throws Exception {
        server.on("gone.example", "/", Reply.status(410));

        WebsiteAnalysis missing = analyze("http://nobody.example/");
        WebsiteAnalysis gone = analyze("http://gone.example/");

        assertThat(missing.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(missing.httpStatus()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("HTTP 404");
        assertThat(missing.title()).isNull();
        assertThat(gone.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(gone.httpStatus()).isEqualTo(410);
    }

    @Test
    void a_server_error_is_an_http_error() throws Exception {
        server.on("broken.example", "/", Reply.status(503));

        WebsiteAnalysis analysis = analyze("http://broken.example/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(analysis.httpStatus()).isEqualTo(503);
        assertThat(analysis.error()).isEqualTo("HTTP 503");
    }

    @Test
    void content_that_is_not_html_is_not_analysed() throws Exception {
        server.on("files.example", "/", Reply.bytes("application/pdf", new byte[1024 * 1024]))
                .on("api.example", "/", Reply.text("application/json", "{\"title\":\"<title>no</title>\"}"));

        WebsiteAnalysis pdf = analyze("http://files.example/");
        WebsiteAnalysis json = analyze("http://api.example/");

        assertThat(pdf.outcome()).isEqualTo(Outcome.NOT_HTML);
        assertThat(pdf.httpStatus()).isEqualTo(200);
        assertThat(pdf.error()).isEqualTo("not HTML: application/pdf");
        assertThat(json.outcome()).isEqualTo(Outcome.NOT_HTML);
        assertThat(json.title()).isNull();
    }

    @Test
    void a_body_without_content_type_is_html_when_it_starts_like_markup() throws Exception {
        server.on(
                        "bare.example",
                        "/",
                        new Reply(200, List.of(), "\n  <html><title>Bare</title>".getBytes(), Duration.ZERO, 0))
                .on("text.example", "/", new Reply(200, List.of(), "just text".getBytes(), Duration.ZERO, 0));

        assertThat(analyze("http://bare.example/").title()).isEqualTo("Bare");
        assertThat(analyze("http://text.example/").outcome()).isEqualTo(Outcome.NOT_HTML);
    }

    @Test
    void the_charset_comes_from_the_header_or_else_from_the_meta_tag() throws Exception {
        byte[] latin1 = "<title>Caf\u00e9 \u00a33</title>".getBytes(StandardCharsets.ISO_8859_1);
        server.on("meta.example", "/", Reply.bytes("text/html", Reply.resource("latin1.html")))
                .on("header.example", "/", Reply.bytes("text/html; charset=ISO-8859-1", latin1));

        WebsiteAnalysis fromMeta = analyze("http://meta.example/");
        WebsiteAnalysis fromHeader = analyze("http://header.example/");

        assertThat(fromMeta.title()).isEqualTo("Caf\u00e9 Cr\u00e8me Ltd");
        assertThat(fromMeta.description()).isEqualTo("Prices from \u00a33");
        assertThat(fromHeader.title()).isEqualTo("Caf\u00e9 \u00a33");
    }

    @Test
    void other_schemes_and_garbage_are_invalid_urls_and_nothing_is_requested() throws Exception {
        for (String url : List.of("ftp://acme.example/", "mailto:info@acme.example", "info@acme.example", "")) {
            WebsiteAnalysis analysis = analyze(url);

            assertThat(analysis.outcome()).as(url).isEqualTo(Outcome.INVALID_URL);
            assertThat(analysis.requestedUrl()).isEqualTo(url);
            assertThat(analysis.finalUrl()).isNull();
            assertThat(analysis.error()).isNotBlank();
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void an_address_without_a_scheme_falls_back_to_http_when_https_finds_nothing() throws Exception {
        server.on("plain.example", "/", Reply.html("<title>Plain</title>"));

        WebsiteAnalysis analysis = analyze("plain.example");

        assertThat(analysis.outcome()).isEqualTo(Outcome.ANALYZED);
        assertThat(analysis.requestedUrl()).isEqualTo("plain.example");
        assertThat(analysis.finalUrl()).isEqualTo("http://plain.example/");
        assertThat(analysis.title()).isEqualTo("Plain");
    }

    @Test
    void a_host_nobody_answers_for_is_unreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        WebsiteAnalysis analysis = analyze(
                WebsiteOptions.defaults().withRequestTimeout(Duration.ofSeconds(2)),
                "http://127.0.0.1:" + closedPort + "/");

        assertThat(analysis.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(analysis.httpStatus()).isNull();
        assertThat(analysis.error()).contains("robots.txt").contains("ConnectException");
    }

    @Test
    void analyze_all_gives_one_result_per_distinct_url_in_the_order_given() throws Exception {
        server.on("a.example", "/", Reply.html("<title>A</title>"))
                .on("b.example", "/", Reply.html("<title>B</title>"))
                .on("a.example", "/about", Reply.html("<title>A about</title>"));
        List<String> urls = List.of(
                "http://b.example/", "http://a.example/", "bad:url", "http://a.example/about", "http://b.example/");

        Map<String, WebsiteAnalysis> results;
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(server.options().withConcurrency(3))) {
            results = analyzer.analyzeAll(urls);
        }

        assertThat(results.keySet())
                .containsExactly("http://b.example/", "http://a.example/", "bad:url", "http://a.example/about");
        assertThat(results.values()).extracting(WebsiteAnalysis::title).containsExactly("B", "A", null, "A about");
        assertThat(results.get("bad:url").outcome()).isEqualTo(Outcome.INVALID_URL);
    }

    @Test
    void analyze_all_streams_each_result_as_it_is_ready() throws Exception {
        server.on("a.example", "/", Reply.html("<title>A</title>"))
                .on("b.example", "/", Reply.html("<title>B</title>"));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(server.options())) {
            analyzer.analyzeAll(List.of("http://a.example/", "http://b.example/"), a -> seen.add(a.title()));
        }

        assertThat(seen).containsExactlyInAnyOrder("A", "B");
    }
}
