package io.agentry.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebsiteOptionsTest {

    @Test
    void defaults_are_the_documented_ones() {
        WebsiteOptions options = WebsiteOptions.defaults();

        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.siteBudget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxBodyBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(options.maxRedirects()).isEqualTo(5);
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.fetchCareersPage()).isTrue();
        assertThat(options.proxy()).isNull();
        assertThat(options.userAgent())
                .matches("Agentry/\\S+ \\(\\+https://github.com/agentry; company website analyzer\\)");
        assertThat(options.productToken()).isEqualTo("Agentry");
    }

    @Test
    void out_of_range_values_are_refused_naming_the_field() {
        WebsiteOptions options = WebsiteOptions.defaults();

        assertThatThrownBy(() -> options.withRequestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> options.withSiteBudget(Duration.ofHours(2))).hasMessageContaining("siteBudget");
        assertThatThrownBy(() -> options.withMaxBodyBytes(10)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> options.withMaxRedirects(-1)).hasMessageContaining("maxRedirects");
        assertThatThrownBy(() -> options.withConcurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> options.withUserAgent("bad\nagent")).hasMessageContaining("userAgent");
    }

    @Test
    void the_product_token_is_the_user_agent_up_to_its_first_slash_or_space() {
        assertThat(WebsiteOptions.defaults()
                        .withUserAgent("AcmeBot/2.1 (+https://acme.example)")
                        .productToken())
                .isEqualTo("AcmeBot");
        assertThat(WebsiteOptions.defaults().withUserAgent("AcmeBot").productToken())
                .isEqualTo("AcmeBot");
    }
}
