package io.agentry.signal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedReaderTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FeedReader reader = new FeedReader(Duration.ofSeconds(10), 4096);

    private void serve(String path, String contentType, String body) {
        server.stubFor(get(path)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    @Test
    void reads_an_rss_feed_with_its_links_dates_and_plain_text() throws Exception {
        serve("/feed.rss", "application/rss+xml; charset=utf-8", TestFiles.text("news.rss"));

        List<FeedEntry> entries = reader.read(server.baseUrl() + "/feed.rss");

        assertThat(entries)
                .extracting(FeedEntry::title, FeedEntry::published)
                .containsExactly(
                        tuple(
                                "Ali & Ellis raises £2m seed round to expand across the Highlands",
                                Instant.parse("2025-05-29T06:30:00Z")),
                        tuple("Inverness firms report a strong first quarter", Instant.parse("2025-05-27T08:00:00Z")),
                        tuple("Ali & Ellis opens its first office", Instant.parse("2025-03-03T08:00:00Z")));
        FeedEntry first = entries.get(0);
        assertThat(first.link()).isEqualTo("https://highlands-business.example/news/2025/05/ali-ellis-seed-round");
        assertThat(first.reference()).isEqualTo(first.link());
        assertThat(first.text()).startsWith("Inverness-based Ali & Ellis has closed a £2m seed round");
        assertThat(first.feedUrl()).isEqualTo(server.baseUrl() + "/feed.rss");
        server.verify(getRequestedFor(urlEqualTo("/feed.rss")).withHeader("User-Agent", matching("Agentry/.*")));
    }

    @Test
    void reads_an_atom_feed_taking_the_summary_else_the_content() throws Exception {
        serve("/atom.xml", "application/atom+xml", TestFiles.text("news.atom"));

        List<FeedEntry> entries = reader.read(server.baseUrl() + "/atom.xml");

        assertThat(entries)
                .extracting(FeedEntry::title, FeedEntry::link, FeedEntry::guid, FeedEntry::published)
                .first()
                .isEqualTo(tuple(
                        "Arbour Rowan Networks opens Manchester office",
                        "https://london-tech-wire.example/2025/05/30/arbour-rowan-manchester",
                        "tag:london-tech-wire.example,2025:item-8812",
                        Instant.parse("2025-05-30T10:15:00Z")));
        assertThat(entries.get(0).text()).isEqualTo("The learning platform for care providers adds a northern base.");
        assertThat(entries.get(2).text())
                .isEqualTo(
                        "Investors in the new fund include the founders of Albion Direct Europe, the Belfast wholesaler.");
    }

    @Test
    void an_error_status_is_a_feed_unavailable_saying_so() {
        server.stubFor(get("/down").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> reader.read(server.baseUrl() + "/down"))
                .isInstanceOfSatisfying(
                        FeedUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("HTTP 503"));
    }

    @Test
    void a_page_that_is_not_a_feed_and_a_feed_with_a_doctype_are_refused() {
        serve("/page", "text/html", "<!doctype html><html><body>Not a feed</body></html>");
        serve(
                "/entities",
                "application/rss+xml",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");

        assertThatThrownBy(() -> reader.read(server.baseUrl() + "/page"))
                .isInstanceOfSatisfying(
                        FeedUnavailableException.class,
                        e -> assertThat(e.reason()).startsWith("not an RSS or Atom feed"));
        assertThatThrownBy(() -> reader.read(server.baseUrl() + "/entities"))
                .isInstanceOfSatisfying(
                        FeedUnavailableException.class,
                        e -> assertThat(e.reason()).startsWith("not an RSS or Atom feed"));
    }

    @Test
    void a_feed_larger_than_the_cap_is_refused_not_cut() {
        serve(
                "/big",
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><title>" + "x".repeat(5000) + "</title></channel></rss>");

        assertThatThrownBy(() -> reader.read(server.baseUrl() + "/big"))
                .isInstanceOfSatisfying(
                        FeedUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("larger than 4096 bytes"));
    }

    @Test
    void a_server_that_does_not_answer_and_a_url_that_is_not_http_are_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> reader.read("http://127.0.0.1:" + closedPort + "/feed"))
                .isInstanceOfSatisfying(
                        FeedUnavailableException.class,
                        e -> assertThat(e.reason()).startsWith("no answer: "));
        assertThatThrownBy(() -> reader.read("ftp://news.example/feed"))
                .isInstanceOfSatisfying(
                        FeedUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("not an http or https URL"));
    }
}
