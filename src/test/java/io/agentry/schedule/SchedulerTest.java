package io.agentry.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.Database;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leader's tick, stepped by hand on a settable clock. */
class SchedulerTest {
    private static final Instant NINE_LONDON = Instant.parse("2026-06-01T08:00:00Z");

    private static Database database;
    private static ScheduleRows rows;
    private final SettableClock clock = new SettableClock(NINE_LONDON.plusSeconds(1));

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        rows = new ScheduleRows(database);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void noScheduleIsDueFromEarlierTests() {
        rows.execute("UPDATE ai_agents SET schedule_cron = NULL, next_run_at = NULL");
    }

    private Scheduler leader() {
        return new Scheduler(database.dataSource(), () -> true, () -> {}, null, Scheduler.Options.defaults(), clock);
    }

    @Test
    void a_due_schedule_fires_one_scheduled_run_and_moves_to_its_next_fire() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);

        Scheduler.Tick tick = leader().runOnce();

        assertThat(tick).isEqualTo(new Scheduler.Tick(true, 1, 1, 0));
        List<Map<String, Object>> fires = rows.fires(agent);
        assertThat(fires).hasSize(1);
        assertThat(fires.get(0))
                .containsEntry("stream_id", null)
                .containsEntry("outcome", "fired")
                .containsEntry("reason", null);
        assertThat(ScheduleRows.instant(fires.get(0).get("fire_time"))).isEqualTo(NINE_LONDON);
        UUID run = (UUID) fires.get(0).get("workflow_run_id");
        assertThat(rows.runs(agent))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("id", run)
                        .containsEntry("trigger", "schedule")
                        .containsEntry("stream_id", null));
        assertThat(rows.tasks(agent))
                .singleElement()
                .satisfies(task -> assertThat(task)
                        .containsEntry("task_type", "scheduled_run")
                        .containsEntry("priority", 5)
                        .containsEntry("workflow_run_id", run)
                        .containsEntry("stream_id", null));
        assertThat(rows.nextRunAt(agent)).isEqualTo("2026-06-02T08:00:00Z");
        assertThat(rows.lastRunAt(agent)).isEqualTo(NINE_LONDON);

        assertThat(leader().runOnce()).isEqualTo(new Scheduler.Tick(true, 0, 0, 0));
        assertThat(rows.fires(agent)).hasSize(1);
    }

    @Test
    void a_schedule_not_yet_due_an_inactive_agent_and_a_cleared_schedule_do_not_fire() {
        UUID org = rows.org();
        UUID later = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON.plusSeconds(2));
        UUID inactive = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);
        rows.execute("UPDATE ai_agents SET is_active = false WHERE id = ?", inactive);
        UUID cleared = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);
        new Schedules(database.dataSource(), clock).clear(org, cleared);

        assertThat(leader().runOnce().due()).isZero();

        assertThat(rows.fires(later)).isEmpty();
        assertThat(rows.fires(inactive)).isEmpty();
        assertThat(rows.fires(cleared)).isEmpty();
    }

    @Test
    void an_agent_on_two_active_streams_fires_one_run_per_stream_carrying_its_stream() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);
        UUID first = rows.stream(org, "active");
        UUID second = rows.stream(org, "active");
        rows.assign(org, first, agent, true);
        rows.assign(org, second, agent, true);
        rows.assign(org, rows.stream(org, "active"), agent, false);
        rows.assign(org, rows.stream(org, "paused"), agent, true);

        assertThat(leader().runOnce()).isEqualTo(new Scheduler.Tick(true, 1, 2, 0));

        assertThat(rows.fires(agent))
                .extracting(fire -> fire.get("stream_id"))
                .containsExactlyInAnyOrder(first, second);
        assertThat(rows.runs(agent)).extracting(run -> run.get("stream_id")).containsExactlyInAnyOrder(first, second);
        List<Map<String, Object>> tasks = rows.tasks(agent);
        assertThat(tasks)
                .extracting(task -> task.get("stream_id"))
                .containsExactlyInAnyOrder(first.toString(), second.toString());
        for (Map<String, Object> fire : rows.fires(agent)) {
            assertThat(tasks)
                    .filteredOn(task -> task.get("workflow_run_id").equals(fire.get("workflow_run_id")))
                    .singleElement()
                    .satisfies(task -> assertThat(task)
                            .containsEntry("task_type", "scheduled_run")
                            .containsEntry("stream_id", fire.get("stream_id").toString()));
        }
    }

    @Test
    void an_agent_with_no_active_assignment_fires_one_run_without_a_stream() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);
        rows.assign(org, rows.stream(org, "archived"), agent, true);

        assertThat(leader().runOnce().fired()).isEqualTo(1);

        assertThat(rows.tasks(agent))
                .singleElement()
                .satisfies(task -> assertThat(task).containsEntry("stream_id", null));
    }

    @Test
    void a_fire_whose_previous_run_is_still_going_is_recorded_as_skipped_and_starts_nothing() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);
        leader().runOnce();
        UUID firstRun = (UUID) rows.fires(agent).get(0).get("workflow_run_id");

        clock.advance(Duration.ofDays(1));
        assertThat(leader().runOnce()).isEqualTo(new Scheduler.Tick(true, 1, 0, 1));

        assertThat(rows.fires(agent).get(1))
                .containsEntry("outcome", "skipped")
                .containsEntry("workflow_run_id", null)
                .containsEntry("reason", "previous run " + firstRun + " still running");
        assertThat(rows.tasks(agent)).hasSize(1);
        assertThat(rows.nextRunAt(agent)).isEqualTo("2026-06-03T08:00:00Z");
        assertThat(rows.lastRunAt(agent)).isEqualTo("2026-06-02T08:00:00Z");

        rows.endRun(firstRun);
        clock.advance(Duration.ofDays(1));
        assertThat(leader().runOnce()).isEqualTo(new Scheduler.Tick(true, 1, 1, 0));
        assertThat(rows.tasks(agent)).hasSize(2);
    }

    @Test
    void fires_missed_during_a_long_outage_run_once_on_recovery_and_the_next_lands_in_the_future() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "*/5 * * * *", "UTC", NINE_LONDON);
        clock.advance(Duration.ofDays(3).plusMinutes(7)); // 864 slots of five minutes missed

        assertThat(leader().runOnce()).isEqualTo(new Scheduler.Tick(true, 1, 1, 0));

        assertThat(rows.fires(agent)).hasSize(1);
        assertThat(ScheduleRows.instant(rows.fires(agent).get(0).get("fire_time")))
                .isEqualTo(NINE_LONDON);
        assertThat(rows.nextRunAt(agent)).isAfter(clock.now()).isEqualTo("2026-06-04T08:10:00Z");
        assertThat(leader().runOnce().due()).isZero();
    }

    @Test
    void two_nodes_competing_for_the_leader_lock_fire_a_due_schedule_once() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);
        Scheduler.Options options = Scheduler.Options.defaults();

        try (Scheduler one = new Scheduler(database, options, clock);
                Scheduler two = new Scheduler(database, options, clock)) {
            Scheduler.Tick first = one.runOnce();
            Scheduler.Tick second = two.runOnce();

            assertThat(List.of(first.leader(), second.leader())).containsExactly(true, false);
            assertThat(first.fired() + second.fired()).isEqualTo(1);

            one.close();
            rows.endRun((UUID) rows.fires(agent).get(0).get("workflow_run_id"));
            clock.advance(Duration.ofDays(1));
            assertThat(two.runOnce()).isEqualTo(new Scheduler.Tick(true, 1, 1, 0));
        }
        assertThat(rows.fires(agent)).hasSize(2);
        assertThat(rows.tasks(agent)).hasSize(2);
    }

    @Test
    void two_nodes_that_both_believe_they_lead_fire_a_slot_once() throws Exception {
        UUID org = rows.org();
        List<UUID> agents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            agents.add(rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Scheduler.Tick>> ticks = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                Scheduler scheduler = new Scheduler(
                        database.dataSource(),
                        () -> awaitQuietly(together),
                        () -> {},
                        null,
                        new Scheduler.Options(Duration.ofSeconds(1), 10),
                        clock);
                ticks.add(nodes.submit(scheduler::runOnce));
            }
            assertThat(ticks.get(0).get().fired() + ticks.get(1).get().fired()).isEqualTo(50);
        } finally {
            nodes.shutdownNow();
        }
        for (UUID agent : agents) {
            assertThat(rows.fires(agent)).hasSize(1);
            assertThat(rows.tasks(agent)).hasSize(1);
        }
    }

    @Test
    void a_slot_reached_again_after_it_fired_records_nothing_and_starts_nothing() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);
        assertThat(leader().runOnce().fired()).isEqualTo(1);
        // As a second node would find it had it read the agent before the first committed.
        rows.execute("UPDATE ai_agents SET next_run_at = ? WHERE id = ?", ScheduleRows.utc(NINE_LONDON), agent);

        assertThat(leader().runOnce()).isEqualTo(new Scheduler.Tick(true, 1, 0, 0));

        assertThat(rows.fires(agent)).hasSize(1);
        assertThat(rows.tasks(agent)).hasSize(1);
        assertThat(rows.nextRunAt(agent)).isEqualTo("2026-06-02T08:00:00Z");
    }

    @Test
    void a_tick_fires_every_due_schedule_in_batches_in_fire_order() {
        UUID org = rows.org();
        List<UUID> agents = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            agents.add(rows.scheduledAgent(org, "0 * * * *", "UTC", NINE_LONDON.minus(Duration.ofHours(i))));
        }
        Scheduler batchesOfTwo = new Scheduler(
                database.dataSource(),
                () -> true,
                () -> {},
                null,
                new Scheduler.Options(Duration.ofSeconds(1), 2),
                clock);

        assertThat(batchesOfTwo.runOnce()).isEqualTo(new Scheduler.Tick(true, 7, 7, 0));

        for (UUID agent : agents) {
            assertThat(rows.fires(agent)).hasSize(1);
            assertThat(rows.nextRunAt(agent)).isEqualTo("2026-06-01T09:00:00Z");
        }
    }

    @Test
    void a_schedule_written_past_the_repository_that_cannot_be_read_is_turned_off_and_others_still_fire() {
        UUID org = rows.org();
        UUID broken = rows.scheduledAgent(org, "0 9 * *", "UTC", NINE_LONDON);
        UUID fine = rows.scheduledAgent(org, "0 9 * * *", "Europe/London", NINE_LONDON);

        assertThat(leader().runOnce()).isEqualTo(new Scheduler.Tick(true, 2, 1, 0));

        assertThat(rows.fires(broken)).isEmpty();
        assertThat(rows.nextRunAt(broken)).isNull();
        assertThat(rows.fires(fine)).hasSize(1);
    }

    @Test
    void a_node_that_does_not_lead_does_nothing() {
        UUID org = rows.org();
        UUID agent = rows.scheduledAgent(org, "0 9 * * *", "UTC", NINE_LONDON);
        Scheduler follower =
                new Scheduler(database.dataSource(), () -> false, () -> {}, null, Scheduler.Options.defaults(), clock);

        assertThat(follower.runOnce()).isEqualTo(new Scheduler.Tick(false, 0, 0, 0));
        assertThat(rows.fires(agent)).isEmpty();
    }

    private static boolean awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
