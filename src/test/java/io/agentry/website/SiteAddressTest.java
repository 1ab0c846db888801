package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.website.WebsiteAnalysis.Outcome;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteAddressTest {

    @Test
    void an_address_without_a_scheme_is_tried_with_https_then_http() throws Exception {
        assertThat(SiteAddress.candidates("www.acme.co.uk"))
                .containsExactly(URI.create("https://www.acme.co.uk/"), URI.create("http://www.acme.co.uk/"));
        assertThat(SiteAddress.candidates("  //Acme.co.uk/about  "))
                .containsExactly(URI.create("https://acme.co.uk/about"), URI.create("http://acme.co.uk/about"));
        assertThat(SiteAddress.candidates("localhost:8080/x"))
                .containsExactly(URI.create("https://localhost:8080/x"), URI.create("http://localhost:8080/x"));
    }

    @Test
    void an_address_with_a_scheme_is_tried_as_given_normalised() throws Exception {
        assertThat(SiteAddress.candidates("HTTP://WWW.Acme.CO.UK:80?q=1#top"))
                .containsExactly(URI.create("http://www.acme.co.uk/?q=1"));
        assertThat(SiteAddress.candidates("https://acme.co.uk:8443/a/b"))
                .containsExactly(URI.create("https://acme.co.uk:8443/a/b"));
    }

    @Test
    void an_international_host_name_becomes_punycode() throws Exception {
        assertThat(SiteAddress.candidates("https://café.example/menu"))
                .containsExactly(URI.create("https://xn--caf-dma.example/menu"));
    }

    @Test
    void other_schemes_emails_blanks_and_single_labels_are_invalid() {
        for (String input : List.of(
                "ftp://acme.co.uk/",
                "mailto:info@acme.co.uk",
                "javascript:alert(1)",
                "info@acme.co.uk",
                "",
                "   ",
                "intranet",
                "http://",
                "https://acme .co.uk/")) {
            assertThatThrownBy(() -> SiteAddress.candidates(input))
                    .as(input)
                    .isInstanceOfSatisfying(
                            FetchFailure.class, f -> assertThat(f.outcome()).isEqualTo(Outcome.INVALID_URL));
        }
        assertThatThrownBy(() -> SiteAddress.candidates(null)).isInstanceOf(FetchFailure.class);
    }

    @Test
    void host_of_groups_an_address_by_its_host() {
        assertThat(SiteAddress.hostOf("Acme.co.uk/about")).isEqualTo("acme.co.uk");
        assertThat(SiteAddress.hostOf("not a url")).isEqualTo("not a url");
    }
}
