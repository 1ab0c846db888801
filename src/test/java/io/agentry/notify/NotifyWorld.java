package io.agentry.notify;

import io.agentry.agent.AgentRegistry;
import io.agentry.agent.Insight;
import io.agentry.agent.StreamSinks;
import io.agentry.db.Database;
import io.agentry.queue.TaskStatus;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.stream.StreamFeeds;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestAgents;
import io.agentry.testing.TestStreams;
import io.agentry.workflow.Workflows;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * An org with a stream and two agents ({@code failing_agent} always fails, {@code working_agent}
 * succeeds) for webhook tests, with the runners that run them and its deliveries.
 */
final class NotifyWorld implements AutoCloseable {
    final Database database;
    final Fixtures fixtures;
    final UUID org;
    final UUID stream;
    final UUID failingAgent;
    final UUID workingAgent;
    final WebhookNotifier notifier;

    NotifyWorld(Database database) {
        this(database, WebhookNotifier.DEFAULT_TIMEOUT);
    }

    NotifyWorld(Database database, Duration timeout) {
        this.database = database;
        this.fixtures = new Fixtures(database);
        this.org = fixtures.organization();
        this.stream = TestStreams.aStream(database.dataSource(), org, "{}", "{\"companies_to_find\": 5}");
        this.failingAgent = fixtures.agent(org, "failing_agent");
        this.workingAgent = fixtures.agent(org, "working_agent");
        this.notifier = new WebhookNotifier(timeout);
    }

    /** Registers a webhook as the org's admin would (through its tenant connections). */
    Webhooks.Created webhook(String url, String... events) {
        return new Webhooks(database.forOrg(org))
                .create(org, NewWebhook.of(url, events.length == 0 ? null : List.of(events), null));
    }

    static AgentRegistry agents() {
        return new AgentRegistry()
                .register("failing_agent", TestAgents.reportingFailure("the source is down"))
                .register("working_agent", TestAgents.succeeding());
    }

    /** A runner of the org's agents, not started: tests step it. */
    Runner agentRunner() {
        return agentRunner(agentOptions());
    }

    RunnerOptions agentOptions() {
        return RunnerOptions.defaults().withNodeId("agents-" + org);
    }

    Runner agentRunner(RunnerOptions options) {
        return new Runner(
                database, agents(), new StreamFeeds(database.dataSource(), Clock.system()), options, Clock.system());
    }

    /** A runner of deliveries alone, not started, as every node has one beside its agents' runner. */
    Runner deliveryRunner() {
        return new Runner(
                database,
                notifier.registry(),
                StreamSinks.NONE,
                RunnerOptions.defaults()
                        .withNodeId("deliveries-" + org)
                        .withSlots(WebhookNotifier.SLOTS)
                        .withShutdownGrace(Duration.ZERO),
                Clock.system());
    }

    /** Executes the agent on the stream, in a run of its own: the task and the run. */
    Workflows.Started execute(UUID agent) {
        return new Workflows(database.dataSource())
                .execute(org, stream, agent, Workflows.ExecuteOptions.defaults().forced(true));
    }

    /** Runs the failing agent until its retries are spent: the task fails for good, and its run fails. */
    Workflows.Started failForGood(Runner agents) {
        Workflows.Started started = execute(failingAgent);
        while (fixtures.task(started.taskId()).status() != TaskStatus.FAILED) {
            agents.runOnce();
            dueNow();
        }
        return started;
    }

    /** Records an insight on the stream as an agent's sink does. */
    boolean insight(Insight.Type type, Insight.Severity severity, String dedupeKey) {
        return new StreamFeeds(database.dataSource(), Clock.system())
                .open(new StreamSinks.Reporter(org, stream, UUID.randomUUID(), workingAgent, "working_agent", 1))
                .insight(new Insight(
                        type, "Few companies qualify", "Only 3 of 50", severity, Json.object(), true, dedupeKey));
    }

    /** Retries fall due now instead of after their backoff (the queue compares with the database clock). */
    void dueNow() {
        fixtures.execute(
                "UPDATE agent_tasks SET scheduled_for = now() WHERE status = 'pending' AND org_id = '" + org + "'");
    }

    long deliveries(String eventType) {
        return fixtures.count("SELECT count(*) FROM webhook_deliveries WHERE org_id = '" + org + "' AND event_type = '"
                + eventType + "'");
    }

    long deliveries() {
        return fixtures.count("SELECT count(*) FROM webhook_deliveries WHERE org_id = '" + org + "'");
    }

    /** The one delivery of the webhook, as the API lists it. */
    Delivery onlyDelivery(UUID webhook) {
        return only(new Deliveries(database.forOrg(org)).list(org, webhook, null, 10));
    }

    /** The one delivery of the webhook for events of this type. */
    Delivery onlyDeliveryOfType(UUID webhook, String eventType) {
        return only(new Deliveries(database.forOrg(org))
                .list(org, webhook, null, 10).stream()
                        .filter(delivery -> delivery.event().equals(eventType))
                        .toList());
    }

    private static Delivery only(List<Delivery> deliveries) {
        if (deliveries.size() != 1) {
            throw new AssertionError("expected one delivery, found " + deliveries);
        }
        return deliveries.get(0);
    }

    @Override
    public void close() {
        notifier.close();
    }
}
