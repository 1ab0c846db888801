package io.agentry.web;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.Insight;
import io.agentry.agent.StreamSinks;
import io.agentry.notify.WebhookNotifier;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.stream.StreamFeeds;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestAgents;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path, over HTTP: an admin registers webhooks, an agent fails for good on a stream, an
 * agent reports a critical insight, the node's delivery runner sends the events, and the admin
 * reads every attempt back.
 */
class WebhookDeliveryTest {
    @RegisterExtension
    static WireMockExtension endpoint = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static ApiTestServer api;
    static Fixtures fixtures;
    static WebhookNotifier notifier;
    static Runner deliveries;

    @BeforeAll
    static void start() {
        api = new ApiTestServer(
                TestDatabase.fresh(), new AgentRegistry().register("failing_agent", TestAgents.throwing("no data")));
        fixtures = new Fixtures(api.database);
        notifier = new WebhookNotifier(Duration.ofSeconds(5));
        deliveries = new Runner(
                api.database,
                notifier.registry(),
                RunnerOptions.defaults().withNodeId("api-test-webhooks"),
                Clock.system());
    }

    @AfterAll
    static void stop() {
        deliveries.close();
        notifier.close();
        api.close();
    }

    @Test
    void an_endpoint_that_fails_twice_then_succeeds_receives_the_failure_once_signed() {
        endpoint.stubFor(post("/failures")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(status(500))
                .willSetStateTo("failed once"));
        endpoint.stubFor(post("/failures")
                .inScenario("flaky")
                .whenScenarioStateIs("failed once")
                .willReturn(status(502))
                .willSetStateTo("failed twice"));
        endpoint.stubFor(post("/failures")
                .inScenario("flaky")
                .whenScenarioStateIs("failed twice")
                .willReturn(ok()));
        endpoint.stubFor(post("/runs-and-insights").willReturn(ok()));
        ApiTestServer.Org acme = api.newOrg("acme-" + UUID.randomUUID());
        JsonNode failures = register(acme, "/failures", "[\"agent.failed\"]");
        JsonNode others = register(acme, "/runs-and-insights", "[\"workflow_run.failed\", \"insight.critical\"]");
        UUID stream = TestStreams.aStream(api.database.dataSource(), acme.id(), "{}", "{}");
        UUID agent = fixtures.agent(acme.id(), "failing_agent");

        String taskId = acme.editor()
                .post("/api/streams/" + stream + "/agents/" + agent + "/execute", "{\"force_execute\": true}")
                .expect(201)
                .json()
                .at("/execution/task_id")
                .asText();
        while (!fixtures.task(UUID.fromString(taskId)).status().isTerminal()) {
            api.runner.runOnce();
            dueNow();
        }
        new StreamFeeds(api.database.dataSource(), Clock.system())
                .open(new StreamSinks.Reporter(acme.id(), stream, UUID.randomUUID(), agent, "failing_agent", 1))
                .insight(new Insight(
                        Insight.Type.RISK_ALERT,
                        "No companies match",
                        null,
                        Insight.Severity.CRITICAL,
                        null,
                        true,
                        "risk:none"));
        for (int pass = 0; pass < 3; pass++) {
            deliveries.runOnce();
            dueNow();
        }

        JsonNode delivery = onlyDelivery(acme, failures);
        assertThat(delivery.path("status").asText()).isEqualTo("delivered");
        assertThat(delivery.path("event").asText()).isEqualTo("agent.failed");
        assertThat(delivery.path("delivered_at").asText()).isNotBlank();
        assertThat(delivery.path("attempts"))
                .extracting(a -> a.path("http_status").asInt())
                .containsExactly(500, 502, 200);
        assertThat(delivery.path("attempts")).allSatisfy(attempt -> {
            assertThat(attempt.path("attempted_at").asText()).isNotBlank();
            assertThat(attempt.path("duration_ms").asInt()).isNotNegative();
        });
        assertThat(delivery.at("/payload/data/task_id").asText()).isEqualTo(taskId);

        List<LoggedRequest> requests = endpoint.findAll(postRequestedFor(urlEqualTo("/failures")));
        assertThat(requests).hasSize(3);
        LoggedRequest success = requests.get(2);
        assertThat(success.getHeader("X-Agentry-Delivery"))
                .isEqualTo(delivery.path("id").asText());
        assertThat(Json.read(success.getBodyAsString())).isEqualTo(delivery.path("payload"));
        assertThat(success.getHeader("X-Agentry-Signature"))
                .isEqualTo(hmac(
                        failures.path("secret").asText(), success.getHeader("X-Agentry-Timestamp"), success.getBody()));

        List<String> told = endpoint.findAll(postRequestedFor(urlEqualTo("/runs-and-insights"))).stream()
                .map(request -> request.getHeader("X-Agentry-Event"))
                .toList();
        assertThat(told).containsExactlyInAnyOrder("workflow_run.failed", "insight.critical");
        JsonNode listed = acme.admin()
                .get("/api/webhooks/" + others.at("/webhook/id").asText() + "/deliveries")
                .expect(200)
                .json()
                .path("items");
        assertThat(listed).extracting(d -> d.path("status").asText()).containsExactly("delivered", "delivered");
    }

    private static JsonNode register(ApiTestServer.Org org, String path, String events) {
        return org.admin()
                .post("/api/webhooks", "{\"url\": \"" + endpoint.baseUrl() + path + "\", \"events\": " + events + "}")
                .expect(201)
                .json();
    }

    private static JsonNode onlyDelivery(ApiTestServer.Org org, JsonNode webhook) {
        JsonNode items = org.admin()
                .get("/api/webhooks/" + webhook.at("/webhook/id").asText() + "/deliveries")
                .expect(200)
                .json()
                .path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** Retries fall due now rather than after their backoff. */
    private static void dueNow() {
        fixtures.execute("UPDATE agent_tasks SET scheduled_for = now() WHERE status = 'pending'");
    }

    /** What a receiver computes from the secret the API showed: HMAC-SHA256 of "timestamp.body". */
    private static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
