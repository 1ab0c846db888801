package io.agentry.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentry.agent.Insight;
import io.agentry.db.Database;
import io.agentry.queue.TaskStatus;
import io.agentry.runner.Runner;
import io.agentry.support.Json;
import io.agentry.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deliveries sent to a local endpoint: signed, retried through the queue, every attempt recorded. */
class WebhookNotifierTest {
    @RegisterExtension
    static WireMockExtension endpoint = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static Database database;
    NotifyWorld world;
    Runner deliveries;

    @BeforeAll
    static void open() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newOrg() {
        world = new NotifyWorld(database, Duration.ofSeconds(5));
        deliveries = world.deliveryRunner();
    }

    @AfterEach
    void closeWorld() {
        deliveries.close();
        world.close();
        world.fixtures.emptyQueue(); // no test's retries are claimed in the next
    }

    @Test
    void an_endpoint_that_fails_twice_then_succeeds_gets_the_event_once_as_a_success_signed() {
        endpoint.stubFor(post("/hook")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(status(500))
                .willSetStateTo("failed once"));
        endpoint.stubFor(post("/hook")
                .inScenario("flaky")
                .whenScenarioStateIs("failed once")
                .willReturn(status(503))
                .willSetStateTo("failed twice"));
        endpoint.stubFor(post("/hook")
                .inScenario("flaky")
                .whenScenarioStateIs("failed twice")
                .willReturn(ok()));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/hook", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:low_yield");

        sendUntilSettled(hook.webhook().id());

        Delivery delivery = world.onlyDelivery(hook.webhook().id());
        assertThat(delivery.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(delivery.deliveredAt()).isNotNull();
        assertThat(delivery.attempts())
                .extracting(Delivery.Attempt::attempt, Delivery.Attempt::httpStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 500),
                        org.assertj.core.groups.Tuple.tuple(2, 503),
                        org.assertj.core.groups.Tuple.tuple(3, 200));
        assertThat(world.fixtures.task(delivery.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);

        List<LoggedRequest> requests = endpoint.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(requests).hasSize(3);
        LoggedRequest last = requests.get(2);
        byte[] body = last.getBody();
        assertThat(Json.read(new String(body, StandardCharsets.UTF_8))).isEqualTo(delivery.payload());
        assertThat(requests).allSatisfy(request -> assertThat(request.getBody()).isEqualTo(body));
        assertThat(last.getHeader("X-Agentry-Signature"))
                .isEqualTo(expectedSignature(hook.secret(), last.getHeader("X-Agentry-Timestamp"), body));
        assertThat(last.getHeader("X-Agentry-Signature"))
                .isNotEqualTo(expectedSignature("whsec_another", last.getHeader("X-Agentry-Timestamp"), body));
    }

    @Test
    void a_delivery_says_what_it_is_in_its_headers() {
        endpoint.stubFor(post("/headers").willReturn(ok()));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/headers");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.CRITICAL, "risk:1");

        deliveries.runOnce();

        Delivery delivery = world.onlyDelivery(hook.webhook().id());
        LoggedRequest request =
                endpoint.findAll(postRequestedFor(urlEqualTo("/headers"))).get(0);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("X-Agentry-Event")).isEqualTo("insight.critical");
        assertThat(request.getHeader("X-Agentry-Delivery"))
                .isEqualTo(delivery.id().toString());
        long sentAt = Long.parseLong(request.getHeader("X-Agentry-Timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - sentAt)).isLessThan(60);
        var payload = Json.read(request.getBodyAsString());
        assertThat(payload.path("id").asText()).isEqualTo(delivery.eventId().toString());
        assertThat(payload.path("type").asText()).isEqualTo("insight.critical");
        assertThat(payload.path("org_id").asText()).isEqualTo(world.org.toString());
        assertThat(payload.path("data").path("severity").asText()).isEqualTo("critical");
    }

    @Test
    void a_delivery_whose_retries_are_spent_is_failed_with_every_attempt_recorded() {
        endpoint.stubFor(post("/down").willReturn(status(500)));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/down", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:1");

        sendUntilSettled(hook.webhook().id());

        Delivery delivery = world.onlyDelivery(hook.webhook().id());
        assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.attempts())
                .hasSize(11)
                .allSatisfy(attempt -> assertThat(attempt.httpStatus()).isEqualTo(500));
        assertThat(world.fixtures.task(delivery.taskId()).errorMessage()).isEqualTo("the endpoint answered HTTP 500");
        endpoint.verify(11, postRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void a_failed_attempt_waits_for_the_queues_backoff() {
        endpoint.stubFor(post("/later").willReturn(status(502)));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/later", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:1");

        deliveries.runOnce();
        deliveries.runOnce();

        Delivery delivery = world.onlyDelivery(hook.webhook().id());
        assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(delivery.attempts()).hasSize(1);
        assertThat(delivery.nextAttemptAt()).isAfter(delivery.attempts().get(0).attemptedAt());
    }

    @Test
    void no_answer_within_the_timeout_is_a_failed_attempt_saying_so() {
        endpoint.stubFor(post("/slow").willReturn(ok().withFixedDelay(3_000)));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/slow", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:1");

        try (NotifyWorld impatient = new NotifyWorld(database, Duration.ofMillis(500));
                Runner runner = impatient.deliveryRunner()) {
            runner.runOnce();
        }

        Delivery.Attempt attempt =
                world.onlyDelivery(hook.webhook().id()).attempts().get(0);
        assertThat(attempt.httpStatus()).isNull();
        assertThat(attempt.error()).isEqualTo("no answer within 0.5 s");
        assertThat(attempt.durationMs()).isBetween(400, 2_900);
    }

    @Test
    void a_refused_connection_is_a_failed_attempt_saying_so() {
        Webhooks.Created hook = world.webhook("http://127.0.0.1:9/nothing-listens", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:1");

        deliveries.runOnce();

        Delivery.Attempt attempt =
                world.onlyDelivery(hook.webhook().id()).attempts().get(0);
        assertThat(attempt.httpStatus()).isNull();
        assertThat(attempt.error()).startsWith("could not connect");
    }

    @Test
    void a_redirect_is_not_followed_and_fails_the_attempt() {
        endpoint.stubFor(post("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        endpoint.stubFor(post("/elsewhere").willReturn(ok()));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/moved", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:1");

        deliveries.runOnce();

        Delivery delivery = world.onlyDelivery(hook.webhook().id());
        assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(delivery.attempts().get(0).httpStatus()).isEqualTo(302);
        endpoint.verify(0, postRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void a_deleted_webhooks_pending_delivery_sends_nothing() {
        endpoint.stubFor(post("/gone").willReturn(ok()));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/gone", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:1");
        UUID task = UUID.fromString(world.fixtures.text("SELECT task_id FROM webhook_deliveries WHERE webhook_id = '"
                + hook.webhook().id() + "'"));

        assertThat(new Webhooks(database.forOrg(world.org))
                        .delete(world.org, hook.webhook().id()))
                .isTrue();
        deliveries.runOnce();

        endpoint.verify(0, postRequestedFor(urlEqualTo("/gone")));
        assertThat(world.fixtures.task(task).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(world.deliveries()).isZero();
    }

    @Test
    void a_delivery_already_answered_with_a_success_is_not_sent_again() {
        endpoint.stubFor(post("/once").willReturn(ok()));
        Webhooks.Created hook = world.webhook(endpoint.baseUrl() + "/once", "insight.critical");
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:1");
        // As when a node died after the 2xx was recorded, before its task's end was written.
        world.fixtures.execute("UPDATE webhook_deliveries SET delivered_at = now() WHERE webhook_id = '"
                + hook.webhook().id() + "'");

        deliveries.runOnce();

        endpoint.verify(0, postRequestedFor(urlEqualTo("/once")));
        Delivery delivery = world.onlyDelivery(hook.webhook().id());
        assertThat(delivery.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(world.fixtures.task(delivery.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    /** Sends the webhook's one delivery, moving each retry's due time to now, until it is no longer pending. */
    private void sendUntilSettled(UUID webhook) {
        while (world.onlyDelivery(webhook).status() == Delivery.Status.PENDING) {
            assertThat(deliveries.runOnce()).isEqualTo(1);
            world.dueNow();
        }
    }

    /** The signature computed here from the secret, apart from the code under test. */
    static String expectedSignature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
