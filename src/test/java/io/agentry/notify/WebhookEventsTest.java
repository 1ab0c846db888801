package io.agentry.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Insight;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.runner.Runner;
import io.agentry.support.Json;
import io.agentry.testing.TestDatabase;
import io.agentry.workflow.Workflows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which events become deliveries, made in the transaction that produced them, once each. */
class WebhookEventsTest {
    private static final String URL = "https://hooks.example.com/agentry";

    static Database database;
    NotifyWorld world;
    Runner agents;

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
        world = new NotifyWorld(database);
        agents = world.agentRunner();
    }

    @AfterEach
    void closeWorld() {
        agents.close();
        world.close();
    }

    @Test
    void an_agent_failing_for_good_is_one_delivery_per_webhook_that_takes_it() {
        UUID all = world.webhook(URL).webhook().id();
        UUID failures =
                world.webhook(URL + "/failures", "agent.failed").webhook().id();
        world.webhook(URL + "/insights", "insight.critical");

        Workflows.Started started = world.failForGood(agents);

        assertThat(world.deliveries("agent.failed")).isEqualTo(2);
        JsonNode payload = world.onlyDelivery(failures).payload();
        assertThat(payload.path("type").asText()).isEqualTo("agent.failed");
        assertThat(payload.path("org_id").asText()).isEqualTo(world.org.toString());
        assertThat(payload.path("created_at").asText()).endsWith("Z");
        JsonNode data = payload.path("data");
        assertThat(data.path("task_id").asText()).isEqualTo(started.taskId().toString());
        assertThat(data.path("agent_id").asText()).isEqualTo(world.failingAgent.toString());
        assertThat(data.path("agent_type").asText()).isEqualTo("failing_agent");
        assertThat(data.path("stream_id").asText()).isEqualTo(world.stream.toString());
        assertThat(data.path("workflow_run_id").asText())
                .isEqualTo(started.runId().toString());
        assertThat(data.path("attempts").asInt()).isEqualTo(4);
        assertThat(data.path("error").asText()).contains("the source is down");
        // Both webhooks are told of the same event.
        assertThat(world.onlyDeliveryOfType(all, "agent.failed").eventId())
                .isEqualTo(world.onlyDelivery(failures).eventId());
    }

    @Test
    void a_failed_attempt_with_retries_left_is_not_an_event() {
        world.webhook(URL);
        world.execute(world.failingAgent);

        agents.runOnce();

        assertThat(world.deliveries()).isZero();
    }

    @Test
    void each_delivery_is_a_pending_task_of_the_orgs_notifier_with_its_execution() {
        world.webhook(URL, "agent.failed");

        world.failForGood(agents);

        UUID notifier = UUID.fromString(world.fixtures.text(
                "SELECT id FROM ai_agents WHERE agent_type = 'webhook_notifier' AND org_id = '" + world.org + "'"));
        String taskId =
                world.fixtures.text("SELECT task_id FROM webhook_deliveries WHERE org_id = '" + world.org + "'");
        var task = world.fixtures.task(UUID.fromString(taskId));
        assertThat(task.agentId()).isEqualTo(notifier);
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.maxRetries()).isEqualTo(10);
        assertThat(world.fixtures.execution(task.executionId()).status()).isEqualTo("queued");
    }

    @Test
    void a_failed_run_is_an_event() {
        world.webhook(URL, "workflow_run.failed");

        Workflows.Started started = world.failForGood(agents);

        assertThat(world.deliveries("workflow_run.failed")).isEqualTo(1);
        JsonNode data = payloadOf("workflow_run.failed").path("data");
        assertThat(data.path("workflow_run_id").asText())
                .isEqualTo(started.runId().toString());
        assertThat(data.path("stream_id").asText()).isEqualTo(world.stream.toString());
        assertThat(data.path("stream_name").asText()).isEqualTo("UK software prospects");
        assertThat(data.path("error").asText()).contains("failing_agent").contains("the source is down");
    }

    @Test
    void a_risk_alert_or_a_critical_insight_is_an_event_and_others_are_not() {
        world.webhook(URL, "insight.critical");

        assertThat(world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:low_yield"))
                .isTrue();
        assertThat(world.insight(Insight.Type.QUALITY_ASSESSMENT, Insight.Severity.CRITICAL, "quality:poor"))
                .isTrue();
        assertThat(world.insight(Insight.Type.RECOMMENDATION, Insight.Severity.WARNING, "advice"))
                .isTrue();

        assertThat(world.deliveries("insight.critical")).isEqualTo(2);
        assertThat(world.fixtures.count("SELECT count(*) FROM webhook_deliveries WHERE org_id = '" + world.org
                        + "' AND payload -> 'data' ->> 'insight_type' = 'risk_alert'"
                        + " AND payload -> 'data' ->> 'title' = 'Few companies qualify'"))
                .isEqualTo(1);
    }

    @Test
    void an_insight_already_on_the_stream_is_not_notified_again() {
        world.webhook(URL, "insight.critical");

        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:low_yield");
        assertThat(world.insight(Insight.Type.RISK_ALERT, Insight.Severity.WARNING, "risk:low_yield"))
                .isFalse();

        assertThat(world.deliveries()).isEqualTo(1);
    }

    @Test
    void the_same_event_raised_twice_is_delivered_once() {
        world.webhook(URL, "agent.failed");

        assertThat(raise("agent.failed some-task 4")).isEqualTo(1);
        assertThat(raise("agent.failed some-task 4")).isZero();
        assertThat(raise("agent.failed some-task 5")).isEqualTo(1);

        assertThat(world.deliveries()).isEqualTo(2);
        assertThat(world.fixtures.count("SELECT count(*) FROM agent_tasks WHERE agent_type = 'webhook_notifier'"
                        + " AND org_id = '" + world.org + "'"))
                .isEqualTo(2);
    }

    @Test
    void an_org_without_webhooks_gets_no_delivery_and_no_notifier() {
        world.failForGood(agents);
        world.insight(Insight.Type.RISK_ALERT, Insight.Severity.CRITICAL, "risk:1");

        assertThat(world.deliveries()).isZero();
        assertThat(world.fixtures.count("SELECT count(*) FROM ai_agents WHERE agent_type = 'webhook_notifier'"
                        + " AND org_id = '" + world.org + "'"))
                .isZero();
    }

    @Test
    void another_orgs_events_never_reach_this_orgs_webhooks() {
        world.webhook(URL);
        NotifyWorld other = new NotifyWorld(database);
        try (Runner otherAgents = other.agentRunner()) {
            other.failForGood(otherAgents);
            other.insight(Insight.Type.RISK_ALERT, Insight.Severity.CRITICAL, "risk:1");
        } finally {
            other.close();
        }

        assertThat(world.deliveries()).isZero();
    }

    @Test
    void a_delivery_that_fails_for_good_raises_no_event_of_its_own() {
        UUID webhook =
                world.webhook("http://127.0.0.1:9/nothing-listens").webhook().id();
        world.failForGood(agents);
        long before = world.deliveries();

        try (Runner deliveries = world.deliveryRunner()) {
            while (world.onlyDeliveryOfType(webhook, "agent.failed").status() == Delivery.Status.PENDING) {
                deliveries.runOnce();
                world.dueNow();
            }
        }

        assertThat(world.onlyDeliveryOfType(webhook, "agent.failed").status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(world.deliveries()).isEqualTo(before);
    }

    @Test
    void a_task_outside_any_stream_or_run_is_not_notified() {
        world.webhook(URL);
        var queue = new TaskQueue(database.dataSource());
        UUID task = queue.enqueue(NewTask.of(world.failingAgent, world.org).withMaxRetries(0))
                .taskId();

        agents.runOnce();

        assertThat(world.fixtures.task(task).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(world.deliveries()).isZero();
    }

    private JsonNode payloadOf(String eventType) {
        return Json.read(world.fixtures.text("SELECT payload FROM webhook_deliveries WHERE org_id = '" + world.org
                + "' AND event_type = '" + eventType + "'"));
    }

    private int raise(String key) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT agentry_webhook_event(?, ?, 'agent.failed', '{}')")) {
                statement.setObject(1, world.org);
                statement.setString(2, key);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
