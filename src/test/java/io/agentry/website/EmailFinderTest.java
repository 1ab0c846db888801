package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class EmailFinderTest {

    private static java.util.List<String> emails(String html) {
        return EmailFinder.find(Jsoup.parse(html, "https://acme.example/"));
    }

    @Test
    void mailto_links_come_first_then_addresses_in_the_text_each_once_in_lower_case() {
        String html = "<p>Write to Press@Acme.co.uk or info@acme.co.uk</p>"
                + "<a href='mailto:info@acme.co.uk?subject=Hi'>info@acme.co.uk</a>";

        assertThat(emails(html)).containsExactly("info@acme.co.uk", "press@acme.co.uk");
    }

    @Test
    void a_mailto_with_several_encoded_addresses_gives_each() {
        assertThat(emails("<a href='mailto:a%40acme.co.uk,b@acme.co.uk'>mail</a>"))
                .containsExactly("a@acme.co.uk", "b@acme.co.uk");
    }

    @Test
    void file_names_with_an_at_sign_and_placeholders_are_not_addresses() {
        String html =
                "<p>logo@2x.png hero@3x.webp sprite@2x.svg you@example.com me@mail.example.org real@acme.co.uk</p>";

        assertThat(emails(html)).containsExactly("real@acme.co.uk");
    }

    @Test
    void addresses_inside_scripts_and_attributes_are_not_text() {
        assertThat(emails("<script>var dsn='abc123@o123.ingest.sentry.io';</script><img alt='x' data-x='y@z.co.uk'>"))
                .isEmpty();
    }

    @Test
    void cloudflare_protected_addresses_are_decoded() {
        String hex = "0a797f7a7a65787e4a6b69676f277d636e6d6f7e79246965247f61";

        assertThat(EmailFinder.cloudflareDecode(hex)).isEqualTo("support@acme-widgets.co.uk");
        assertThat(emails("<span class='__cf_email__' data-cfemail='" + hex + "'>[email protected]</span>"))
                .containsExactly("support@acme-widgets.co.uk");
        assertThat(EmailFinder.cloudflareDecode("zz")).isNull();
    }

    @Test
    void no_more_than_the_cap_is_kept() {
        StringBuilder html = new StringBuilder("<p>");
        for (int i = 0; i < 40; i++) {
            html.append("person").append(i).append("@acme.co.uk ");
        }

        assertThat(emails(html.toString())).hasSize(EmailFinder.MAX_ADDRESSES);
    }
}
