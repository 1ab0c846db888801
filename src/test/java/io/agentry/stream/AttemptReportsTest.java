package io.agentry.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.agent.Insight;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.queue.Enqueued;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What agents report to a stream when the runner runs them: once per fact, however many attempts. */
class AttemptReportsTest {
    private static Database database;
    private static Fixtures fixtures;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void a_retried_attempt_reporting_what_the_failed_one_did_duplicates_nothing() {
        UUID org = fixtures.organization();
        Stream stream = new Streams(database.dataSource(), ReferenceData.bundled())
                .create(org, new NewStream("Retries", null, null, null, null));
        AgentRegistry registry = new AgentRegistry().register("opportunity_bot", context -> {
            context.stream().activity("started", "Searching the catalogue", null);
            context.stream()
                    .insight(new Insight(
                            Insight.Type.RISK_ALERT,
                            "No company matches",
                            null,
                            Insight.Severity.WARNING,
                            null,
                            true,
                            "risk:no_candidates"));
            context.stream().publishProgress();
            if (context.attempt() == 1) {
                throw new IllegalStateException("catalogue unreachable");
            }
            return AgentResult.success(Json.object());
        });
        Enqueued task = new TaskQueue(database.dataSource())
                .enqueue(NewTask.of(fixtures.agent(org, "opportunity_bot"), org)
                        .withPayload(Json.object().put("stream_id", stream.id().toString())));

        try (Runner runner = new Runner(
                database,
                registry,
                new StreamFeeds(database.dataSource(), Clock.system()),
                RunnerOptions.defaults().withSlots(1),
                Clock.system())) {
            runner.runOnce();
            fixtures.execute("UPDATE agent_tasks SET scheduled_for = now()");
            runner.runOnce();
        }

        assertThat(fixtures.task(task.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(fixtures.task(task.taskId()).attempt()).isEqualTo(2);
        assertThat(new StreamEvents(database.dataSource()).since(stream.id(), 0, 100))
                .extracting(StreamEvent::type)
                .containsExactly(StreamEvent.AGENT_ACTIVITY, StreamEvent.INSIGHT, StreamEvent.PROGRESS_UPDATE);
        assertThat(new StreamInsights(database.dataSource()).latest(stream.id(), 10))
                .hasSize(1);
    }

    @Test
    void a_task_without_a_stream_reports_nowhere() {
        UUID org = fixtures.organization();
        long eventsBefore = fixtures.count("SELECT count(*) FROM stream_events");
        AgentRegistry registry = new AgentRegistry().register("scout_agent", context -> {
            context.stream().activity("started", "Watching", null);
            context.stream().publishProgress();
            return AgentResult.success(Json.object());
        });
        Enqueued task =
                new TaskQueue(database.dataSource()).enqueue(NewTask.of(fixtures.agent(org, "scout_agent"), org));

        try (Runner runner = new Runner(
                database,
                registry,
                new StreamFeeds(database.dataSource(), Clock.system()),
                RunnerOptions.defaults().withSlots(1),
                Clock.system())) {
            runner.runOnce();
        }

        assertThat(fixtures.task(task.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(fixtures.count("SELECT count(*) FROM stream_events")).isEqualTo(eventsBefore);
    }
}
