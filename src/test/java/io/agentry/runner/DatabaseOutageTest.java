package io.agentry.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Availability;
import io.agentry.db.Database;
import io.agentry.queue.Enqueued;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.OutageProxy;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A node rides out a restart of its database server, played by a proxy that breaks every
 * connection and refuses new ones for a while: running agents finish, their outcomes are written
 * once the server is back, tasks enqueued meanwhile run, nothing runs twice, and the log says the
 * database stopped answering once and that it answers again once.
 */
class DatabaseOutageTest {
    private Database direct;
    private Database throughProxy;
    private OutageProxy proxy;
    private Runner runner;
    private final ListAppender<ILoggingEvent> availabilityLog = new ListAppender<>();

    @BeforeEach
    void setUp() {
        direct = TestDatabase.fresh();
        proxy = OutageProxy.inFrontOf(direct.url());
        throughProxy = Database.onServer(proxy.url(direct.url()), direct.user(), direct.password(), 4);
        availabilityLog.start();
        ((Logger) LoggerFactory.getLogger(Availability.class)).addAppender(availabilityLog);
    }

    @AfterEach
    void tearDown() throws Exception {
        ((Logger) LoggerFactory.getLogger(Availability.class)).detachAppender(availabilityLog);
        proxy.up(); // a test that failed mid-outage must not leave the runner retrying forever
        if (runner != null) {
            runner.close();
        }
        throughProxy.close();
        proxy.close();
        direct.close();
    }

    @Test
    void a_node_rides_out_a_database_restart_and_loses_nothing_nor_runs_anything_twice() throws Exception {
        Fixtures fixtures = new Fixtures(direct);
        UUID org = fixtures.organization();
        UUID agent = fixtures.agent(org, "scout_agent");
        Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch firstThreeStarted = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AgentRegistry registry = new AgentRegistry().register("scout_agent", context -> {
            runs.computeIfAbsent(context.taskId(), id -> new AtomicInteger()).incrementAndGet();
            if (context.input().path("hold").asBoolean()) {
                firstThreeStarted.countDown();
                release.await(1, TimeUnit.MINUTES);
            }
            return AgentResult.success(Json.object());
        });
        runner = new Runner(
                throughProxy,
                registry,
                RunnerOptions.defaults().withNodeId("outage").withSlots(3).withPollInterval(Duration.ofMillis(500)),
                Clock.system());
        runner.start();
        TaskQueue queue = new TaskQueue(direct.dataSource());
        List<Enqueued> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(queue.enqueue(
                    NewTask.of(agent, org).withPayload(Json.object().put("hold", true))));
        }
        assertThat(firstThreeStarted.await(30, TimeUnit.SECONDS)).isTrue();

        proxy.down();
        release.countDown(); // their outcomes cannot be written now
        for (int i = 0; i < 10; i++) {
            tasks.add(queue.enqueue(NewTask.of(agent, org)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> warnings() >= 1);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> !runner.status().listening());
        proxy.up();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> tasks.stream()
                        .allMatch(task -> fixtures.task(task.taskId()).status() == TaskStatus.COMPLETED));
        for (Enqueued task : tasks) {
            assertThat(runs.get(task.taskId())).hasValue(1);
            assertThat(fixtures.execution(task.executionId()).status()).isEqualTo("completed");
            assertThat(fixtures.execution(task.executionId()).attempts()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> runner.status().listening());
        assertThat(warnings()).isEqualTo(1);
        assertThat(availabilityLog.list)
                .filteredOn(event -> event.getLevel() == Level.INFO)
                .hasSize(1)
                .allMatch(event -> event.getFormattedMessage().contains("answers again"));
    }

    private long warnings() {
        return availabilityLog.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .count();
    }
}
