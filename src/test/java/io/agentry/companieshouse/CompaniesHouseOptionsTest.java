package io.agentry.companieshouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompaniesHouseOptionsTest {

    @Test
    void defaults_are_the_real_api_and_the_documented_values() {
        CompaniesHouseOptions options = CompaniesHouseOptions.of("key");

        assertThat(options.baseUrl()).isEqualTo(URI.create("https://api.company-information.service.gov.uk"));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.maxAttempts()).isEqualTo(4);
        assertThat(options.backoffBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.backoffCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.pageSize()).isEqualTo(100);
        assertThat(options.maxItems()).isEqualTo(500);
    }

    @Test
    void the_key_never_shows_in_the_text_of_the_options() {
        assertThat(CompaniesHouseOptions.of("very-secret-key").toString())
                .doesNotContain("very-secret-key")
                .contains("apiKey=(hidden)");
    }

    @Test
    void a_trailing_slash_of_the_base_url_is_dropped() {
        assertThat(CompaniesHouseOptions.of("key")
                        .withBaseUrl("http://localhost:8089/ch/")
                        .baseUrl())
                .isEqualTo(URI.create("http://localhost:8089/ch"));
    }

    @Test
    void out_of_range_values_are_refused_naming_the_field() {
        CompaniesHouseOptions options = CompaniesHouseOptions.of("key");

        assertThatThrownBy(() -> CompaniesHouseOptions.of(" ")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> options.withBaseUrl("ftp://example.org")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> options.withBaseUrl("not a url")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> options.withMaxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> options.withPageSize(101)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> options.withMaxItems(0)).hasMessageContaining("maxItems");
        assertThatThrownBy(() -> options.withRequestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> options.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("backoffBase");
    }

    @Test
    void without_a_key_in_the_environment_there_is_no_client() {
        assertThat(CompaniesHouseClient.optionsFrom(Map.of())).isEmpty();
        assertThat(CompaniesHouseClient.optionsFrom(Map.of(CompaniesHouseClient.API_KEY_VARIABLE, "  ")))
                .isEmpty();
        assertThat(CompaniesHouseClient.NOT_CONFIGURED)
                .isEqualTo("Companies House API not configured: set AGENTRY_COMPANIES_HOUSE_API_KEY");
    }

    @Test
    void from_the_real_environment_without_a_key_there_is_no_client() {
        assumeTrue(System.getenv(CompaniesHouseClient.API_KEY_VARIABLE) == null);

        assertThat(CompaniesHouseClient.fromEnvironment()).isEmpty();
    }

    @Test
    void the_environment_gives_the_key_and_optionally_the_url() {
        CompaniesHouseOptions defaults = CompaniesHouseClient.optionsFrom(
                        Map.of(CompaniesHouseClient.API_KEY_VARIABLE, " key-1 "))
                .orElseThrow();
        CompaniesHouseOptions elsewhere = CompaniesHouseClient.optionsFrom(Map.of(
                        CompaniesHouseClient.API_KEY_VARIABLE,
                        "key-2",
                        CompaniesHouseClient.URL_VARIABLE,
                        "http://localhost:8089"))
                .orElseThrow();

        assertThat(defaults.apiKey()).isEqualTo("key-1");
        assertThat(defaults.baseUrl()).isEqualTo(URI.create(CompaniesHouseClient.DEFAULT_BASE_URL));
        assertThat(elsewhere.baseUrl()).isEqualTo(URI.create("http://localhost:8089"));
    }
}
