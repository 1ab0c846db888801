package io.agentry.cli;

import io.agentry.agent.AgentRegistry;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.event.EventHub;
import io.agentry.key.ApiKeys;
import io.agentry.key.KeyRole;
import io.agentry.org.Organizations;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.web.ApiConfig;
import io.agentry.web.ApiServer;
import io.agentry.web.Services;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A real HTTP API on port 0 over a test's database, as {@code agentry serve} runs it, with a runner
 * of {@code agents} that is started only when a test says so; and the command line run both ways:
 * on the database directly, and through the server.
 */
final class TestServer implements AutoCloseable {
    static final String OPERATOR_TOKEN = "operator-token-for-cli-tests-0123456789";

    final Database database;
    final Runner runner;
    private final EventHub events;
    private final ApiServer server;

    TestServer(Database database, AgentRegistry agents) {
        this.database = database;
        this.runner = new Runner(database, agents, RunnerOptions.defaults().withNodeId("api-node"), Clock.system());
        this.events = EventHub.start(database, EventHub.Options.defaults(), Clock.system());
        this.server = ApiServer.start(
                ApiConfig.defaults().withPort(0).withAdminToken(OPERATOR_TOKEN),
                new Services(
                        database,
                        runner,
                        Clock.system(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        ReferenceData.bundled(),
                        events));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A new key of the organization of that name (made on first use). */
    String key(String org, KeyRole role) {
        var orgId = new Organizations(database.dataSource()).findOrCreate(org);
        return new ApiKeys(database.dataSource())
                .create(orgId, role.sql(), role)
                .key();
    }

    /** The command on the database, as a user on the deployment's machine runs it. */
    AgentryRun local(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--database-url", database.url(),
                "--database-user", database.user(),
                "--database-password", database.password()));
        return AgentryRun.of(all.toArray(String[]::new));
    }

    /** The command through the server, with {@code key}. */
    AgentryRun remote(String key, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", url(), "--key", key));
        return AgentryRun.of(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        server.close();
        events.close();
        runner.close();
    }
}
