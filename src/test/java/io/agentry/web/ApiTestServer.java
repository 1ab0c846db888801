package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.AgentRegistry;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.testing.TestAgents;
import io.agentry.testing.TestDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.UUID;

/**
 * A real API server on port 0 over a fresh database, with a runner (not started: tests step it
 * with {@link Runner#runOnce()}) whose agent type {@code test_agent} succeeds.
 */
final class ApiTestServer implements AutoCloseable {
    static final String OPERATOR_TOKEN = "operator-token-for-tests-0123456789";

    final Database database;
    final Runner runner;
    final ApiServer server;
    final ApiClient operator;

    /** An org made through the API, with a key of each role. */
    record Org(UUID id, ApiClient admin, ApiClient editor, ApiClient viewer) {}

    ApiTestServer() {
        this(TestDatabase.fresh(), null);
    }

    ApiTestServer(Database database, AgentRegistry registry) {
        // Tests make many unauthenticated calls on purpose; the limit has its own test.
        this(database, registry, ApiConfig.defaults().withAuthFailuresPerMinute(100_000));
    }

    ApiTestServer(Database database, AgentRegistry registry, ApiConfig config) {
        this.database = database;
        AgentRegistry agents = registry != null ? registry : new AgentRegistry();
        if (registry == null) {
            agents.register("test_agent", TestAgents.succeeding());
        }
        this.runner = new Runner(database, agents, RunnerOptions.defaults().withNodeId("api-test"), Clock.system());
        this.server = ApiServer.start(
                config.withPort(0).withAdminToken(OPERATOR_TOKEN),
                new Services(
                        database,
                        runner,
                        Clock.system(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        ReferenceData.bundled()));
        this.operator = client(OPERATOR_TOKEN);
    }

    ApiClient client(String key) {
        return new ApiClient(server.port(), key);
    }

    ApiClient anonymous() {
        return new ApiClient(server.port(), null);
    }

    Org newOrg(String name) {
        JsonNode created = operator.post("/api/orgs", "{\"name\": \"" + name + "\"}")
                .expect(201)
                .json();
        ApiClient admin = client(created.at("/api_key/key").asText());
        return new Org(
                UUID.fromString(created.at("/org/id").asText()), admin, key(admin, "editor"), key(admin, "viewer"));
    }

    private ApiClient key(ApiClient admin, String role) {
        JsonNode key = admin.post("/api/keys", "{\"name\": \"" + role + "\", \"role\": \"" + role + "\"}")
                .expect(201)
                .json();
        assertThat(key.path("role").asText()).isEqualTo(role);
        return client(key.path("key").asText());
    }

    @Override
    public void close() {
        server.close();
        runner.close();
        database.close();
    }
}
