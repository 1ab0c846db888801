package io.agentry.companieshouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.agentry.companieshouse.Fixtures.COMPANY;
import static io.agentry.companieshouse.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.agentry.companieshouse.CompaniesHouseException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTest {
    private static final String PROFILE = "/company/" + COMPANY;

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FakeTime time = FakeTime.advancing();
    private final RateLimiter limiter = new RateLimiter(1_000, Duration.ofMinutes(5), time, time);
    private final CompaniesHouseClient client = TestClients.client(TestClients.options(api.baseUrl()), limiter, time);

    @Test
    void too_many_requests_then_ok_succeeds_after_backing_off() {
        answerInTurn(status(429), status(429), okJson(json("profile-04567891.json")));

        assertThat(client.profile(COMPANY)).isPresent();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        api.verify(3, getRequestedFor(urlEqualTo(PROFILE)));
    }

    @Test
    void retry_after_from_the_api_is_the_pause() {
        answerInTurn(status(429).withHeader("Retry-After", "7"), okJson(json("profile-04567891.json")));

        assertThat(client.profile(COMPANY)).isPresent();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void server_errors_on_every_attempt_end_in_an_exception_after_the_last() {
        api.stubFor(get(PROFILE).willReturn(serviceUnavailable()));

        assertThatThrownBy(() -> client.profile(COMPANY)).isInstanceOfSatisfying(CompaniesHouseException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(e.kind().isTransient()).isTrue();
            assertThat(e.status()).hasValue(503);
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.call()).isEqualTo("GET " + PROFILE);
            assertThat(e).hasMessageContaining("GET " + PROFILE).hasMessageContaining("4 attempts");
        });
        assertThat(time.sleeps())
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        api.verify(4, getRequestedFor(urlEqualTo(PROFILE)));
    }

    @Test
    void pauses_grow_no_longer_than_the_cap() {
        api.stubFor(get(PROFILE).willReturn(status(502)));
        CompaniesHouseClient patient = TestClients.client(
                TestClients.options(api.baseUrl())
                        .withMaxAttempts(6)
                        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500)),
                limiter,
                time);

        assertThatThrownBy(() -> patient.profile(COMPANY)).isInstanceOf(CompaniesHouseException.class);

        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(500),
                        Duration.ofMillis(500));
    }

    @Test
    void a_slow_answer_is_a_timeout_retried_then_reported() {
        api.stubFor(
                get(PROFILE).willReturn(okJson(json("profile-04567891.json")).withFixedDelay(1_000)));
        CompaniesHouseClient impatient = TestClients.client(
                TestClients.options(api.baseUrl())
                        .withRequestTimeout(Duration.ofMillis(150))
                        .withMaxAttempts(2),
                limiter,
                time);

        assertThatThrownBy(() -> impatient.profile(COMPANY))
                .isInstanceOfSatisfying(CompaniesHouseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.status()).isEmpty();
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e).hasMessageContaining("timed out");
                });
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void a_broken_connection_is_retried_then_reported() {
        api.stubFor(get(PROFILE).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.profile(COMPANY)).isInstanceOfSatisfying(CompaniesHouseException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.CONNECTION_FAILED);
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.getCause()).isNotNull();
        });
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void a_refused_key_is_reported_at_once_without_retrying() {
        api.stubFor(get(PROFILE).willReturn(unauthorized()));

        assertThatThrownBy(() -> client.profile(COMPANY)).isInstanceOfSatisfying(CompaniesHouseException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.API_KEY_REFUSED);
            assertThat(e.kind().isTransient()).isFalse();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e)
                    .hasMessageContaining("API key refused")
                    .hasMessageContaining(CompaniesHouseClient.API_KEY_VARIABLE)
                    .hasMessageNotContaining(TestClients.KEY);
        });
        api.verify(1, getRequestedFor(urlEqualTo(PROFILE)));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void an_unexpected_status_is_reported_at_once_with_the_body() {
        api.stubFor(get(PROFILE).willReturn(status(400).withBody("{\"errors\":[{\"error\":\"invalid-parameter\"}]}")));

        assertThatThrownBy(() -> client.profile(COMPANY)).isInstanceOfSatisfying(CompaniesHouseException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_STATUS);
            assertThat(e.status()).hasValue(400);
            assertThat(e).hasMessageContaining("invalid-parameter");
        });
        api.verify(1, getRequestedFor(urlEqualTo(PROFILE)));
    }

    @Test
    void a_body_that_is_not_the_expected_json_is_an_invalid_response() {
        api.stubFor(get(PROFILE).willReturn(okJson("<html>maintenance</html>")));

        assertThatThrownBy(() -> client.profile(COMPANY))
                .isInstanceOfSatisfying(
                        CompaniesHouseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE));
    }

    @Test
    void every_attempt_takes_a_rate_limit_permit() {
        answerInTurn(serviceUnavailable(), status(429), okJson(json("profile-04567891.json")));

        client.profile(COMPANY);

        assertThat(limiter.counters().requests()).isEqualTo(3);
    }

    @Test
    void an_interrupted_caller_stops_retrying_and_keeps_its_interrupt() {
        api.stubFor(get(PROFILE).willReturn(serviceUnavailable()));
        CompaniesHouseClient interrupted =
                new CompaniesHouseClient(TestClients.options(api.baseUrl()), limiter, time, pause -> {
                    throw new InterruptedException();
                });

        try {
            assertThatThrownBy(() -> interrupted.profile(COMPANY))
                    .isInstanceOfSatisfying(
                            CompaniesHouseException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        api.verify(1, getRequestedFor(urlEqualTo(PROFILE)));
    }

    private static void answerInTurn(ResponseDefinitionBuilder... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "answer " + (i + 1);
            api.stubFor(get(PROFILE)
                    .inScenario("in turn")
                    .whenScenarioStateIs(state)
                    .willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }
}
