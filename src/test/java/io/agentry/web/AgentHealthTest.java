package io.agentry.web;

import static io.agentry.web.ExecutionRows.anExecution;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentHealthTest {
    static ApiTestServer api;
    static ApiTestServer.Org acme;
    static DataSource data;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        acme = api.newOrg("acme");
        data = api.database.dataSource();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void an_agent_that_has_not_run_is_healthy_with_nothing_to_report() {
        UUID agent = agent();
        anExecution(acme.id(), agent).status("cancelled").insert(data);
        anExecution(acme.id(), agent).status("running").took(null).insert(data);

        JsonNode health = health(agent, "");
        assertThat(health.path("status").asText()).isEqualTo("healthy");
        assertThat(health.path("failure_streak").asLong()).isZero();
        assertThat(health.path("completed").asLong()).isZero();
        assertThat(health.path("failed").asLong()).isZero();
        for (String none : new String[] {"last_success_at", "last_failure_at", "success_rate", "p50_duration_ms"}) {
            assertThat(health.path(none).isNull()).as(none).isTrue();
        }
        assertThat(health.path("window").asText()).isEqualTo("7d");
    }

    @Test
    void durations_and_success_rate_count_the_window_and_the_last_success_is_the_latest_ever() {
        UUID agent = agent();
        anExecution(acme.id(), agent)
                .took(99_999)
                .createdAgo(Duration.ofDays(10))
                .insert(data);
        anExecution(acme.id(), agent)
                .failed("old")
                .createdAgo(Duration.ofDays(8))
                .insert(data);
        for (int i = 1; i <= 10; i++) {
            anExecution(acme.id(), agent)
                    .took(i * 100)
                    .createdAgo(Duration.ofMinutes(100 - i))
                    .insert(data);
        }

        JsonNode health = health(agent, "");
        assertThat(health.path("status").asText()).isEqualTo("healthy");
        assertThat(health.path("completed").asLong()).isEqualTo(10);
        assertThat(health.path("failed").asLong()).isZero();
        assertThat(health.path("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(health.path("p50_duration_ms").asLong()).isEqualTo(550);
        assertThat(health.path("p95_duration_ms").asLong()).isEqualTo(955);
        assertThat(health.path("failure_streak").asLong()).isZero();
        Instant lastSuccess = Instant.parse(health.path("last_success_at").asText());
        assertThat(lastSuccess)
                .isBetween(Instant.now().minusSeconds(91 * 60), Instant.now().minusSeconds(89 * 60));
        assertThat(Instant.parse(health.path("last_failure_at").asText()))
                .isBefore(Instant.now().minus(Duration.ofDays(7)));

        JsonNode month = health(agent, "?timeRange=30d");
        assertThat(month.path("completed").asLong()).isEqualTo(11);
        assertThat(month.path("failed").asLong()).isEqualTo(1);
        assertThat(month.path("success_rate").asDouble()).isEqualTo(11.0 / 12);
        assertThat(month.path("status").asText()).isEqualTo("healthy");
    }

    @Test
    void ninety_percent_success_is_healthy_and_less_is_degraded() {
        UUID ninety = agentWith(9, 1);
        assertThat(health(ninety, "").path("success_rate").asDouble()).isEqualTo(0.9);
        assertThat(health(ninety, "").path("status").asText()).isEqualTo("healthy");

        UUID under = agentWith(8, 1);
        assertThat(health(under, "").path("status").asText()).isEqualTo("degraded");
    }

    @Test
    void a_failure_streak_degrades_an_agent_and_three_make_it_failing() {
        UUID one = agentWithStreak(10, 1);
        assertThat(health(one, "").path("failure_streak").asLong()).isEqualTo(1);
        assertThat(health(one, "").path("status").asText()).isEqualTo("degraded");

        UUID two = agentWithStreak(20, 2);
        assertThat(health(two, "").path("failure_streak").asLong()).isEqualTo(2);
        assertThat(health(two, "").path("status").asText()).isEqualTo("degraded");

        UUID three = agentWithStreak(30, 3);
        JsonNode failing = health(three, "");
        assertThat(failing.path("failure_streak").asLong()).isEqualTo(3);
        assertThat(failing.path("success_rate").asDouble()).isGreaterThan(0.9);
        assertThat(failing.path("status").asText()).isEqualTo("failing");
    }

    @Test
    void failures_and_no_success_in_the_window_make_an_agent_failing() {
        UUID agent = agent();
        anExecution(acme.id(), agent).createdAgo(Duration.ofDays(8)).insert(data);
        anExecution(acme.id(), agent)
                .failed("boom")
                .createdAgo(Duration.ofHours(1))
                .insert(data);

        JsonNode health = health(agent, "");
        assertThat(health.path("failure_streak").asLong()).isEqualTo(1);
        assertThat(health.path("completed").asLong()).isZero();
        assertThat(health.path("success_rate").asDouble()).isZero();
        assertThat(health.path("status").asText()).isEqualTo("failing");
        assertThat(Instant.parse(health.path("last_success_at").asText()))
                .isBefore(Instant.now().minus(Duration.ofDays(7)));
    }

    @Test
    void a_bad_window_is_refused_naming_it() {
        JsonNode error = acme.viewer()
                .get("/api/agents/" + agent() + "/health?timeRange=1y")
                .expectError(400, "invalid_field")
                .json();
        assertThat(error.at("/details/field").asText()).isEqualTo("timeRange");
    }

    /** An agent whose failures came first, then its successes: no streak. */
    private static UUID agentWith(int completed, int failed) {
        UUID agent = agent();
        int minutes = 500;
        for (int i = 0; i < failed; i++) {
            anExecution(acme.id(), agent)
                    .failed("boom")
                    .createdAgo(Duration.ofMinutes(minutes--))
                    .insert(data);
        }
        for (int i = 0; i < completed; i++) {
            anExecution(acme.id(), agent)
                    .createdAgo(Duration.ofMinutes(minutes--))
                    .insert(data);
        }
        return agent;
    }

    /** An agent whose successes came first, then {@code streak} failures. */
    private static UUID agentWithStreak(int completed, int streak) {
        UUID agent = agent();
        int minutes = 500;
        for (int i = 0; i < completed; i++) {
            anExecution(acme.id(), agent)
                    .createdAgo(Duration.ofMinutes(minutes--))
                    .insert(data);
        }
        for (int i = 0; i < streak; i++) {
            anExecution(acme.id(), agent)
                    .failed("boom")
                    .createdAgo(Duration.ofMinutes(minutes--))
                    .insert(data);
        }
        return agent;
    }

    private static UUID agent() {
        return new Fixtures(api.database).agent(acme.id(), "scout_agent");
    }

    private static JsonNode health(UUID agent, String query) {
        JsonNode health = acme.viewer()
                .get("/api/agents/" + agent + "/health" + query)
                .expect(200)
                .json()
                .path("health");
        assertThat(health.path("agent_id").asText()).isEqualTo(agent.toString());
        return health;
    }
}
