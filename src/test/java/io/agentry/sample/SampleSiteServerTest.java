package io.agentry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled sample websites, reached at their {@code http://<name>.example/} addresses through the local server. */
class SampleSiteServerTest {
    private static SampleSiteServer sites;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        sites = SampleSiteServer.start();
        client = HttpClient.newBuilder().proxy(sites.proxy()).build();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    @Test
    void a_sites_home_page_careers_page_and_robots_txt_are_the_bundled_files() throws Exception {
        HttpResponse<String> home = get("http://ambershaw-labs.example/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).isEqualTo(resource("ambershaw-labs.example/index.html"));

        HttpResponse<String> careers = get("http://albion-direct-europe.example/careers.html");
        assertThat(careers.statusCode()).isEqualTo(200);
        assertThat(careers.body()).isEqualTo(resource("albion-direct-europe.example/careers.html"));

        HttpResponse<String> robots = get("http://fairwell-films.example/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(robots.body()).isEqualTo(resource("fairwell-films.example/robots.txt"));
    }

    @Test
    void unknown_sites_missing_pages_and_paths_out_of_a_site_are_not_found() throws Exception {
        assertThat(get("http://no-such-company.example/").statusCode()).isEqualTo(404);
        assertThat(get("http://westbridge-supplies.example/robots.txt").statusCode())
                .isEqualTo(404);
        assertThat(get("http://ambershaw-labs.example/admin/").statusCode()).isEqualTo(404);
        assertThat(get("http://ambershaw-labs.example/..%2F..%2Fwebsites.csv").statusCode())
                .isEqualTo(404);
    }

    @Test
    void only_example_hosts_go_through_the_server() {
        Proxy local = new Proxy(Proxy.Type.HTTP, sites.address());

        assertThat(sites.proxy().select(URI.create("http://ambershaw-labs.example/")))
                .containsExactly(local);
        assertThat(sites.proxy().select(URI.create("https://www.linkedin.com/company/ambershaw-labs")))
                .doesNotContain(local);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String resource(String path) throws Exception {
        try (InputStream in =
                SampleSiteServerTest.class.getClassLoader().getResourceAsStream("samples/sites/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
