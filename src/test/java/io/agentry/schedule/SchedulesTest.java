package io.agentry.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.db.Database;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Setting and clearing an agent's schedule: checked first, written with its next fire in one statement. */
class SchedulesTest {
    private static Database database;
    private static ScheduleRows rows;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-28T12:00:00Z"));

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        rows = new ScheduleRows(database);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private Schedules schedules() {
        return new Schedules(database.dataSource(), clock);
    }

    @Test
    void a_schedule_is_written_with_its_next_fire_on_the_zones_wall_clock() {
        UUID org = rows.org();
        UUID agent = rows.agent(org);

        AgentSchedule set = schedules().set(org, agent, " 0 9 * * * ", "Europe/London");

        // 28 March is still GMT; 29 March is BST.
        assertThat(set.nextRunAt()).isEqualTo("2026-03-29T08:00:00Z");
        assertThat(set.cron()).isEqualTo("0 9 * * *");
        assertThat(set.timezone()).isEqualTo("Europe/London");
        assertThat(rows.agentRow(agent))
                .containsEntry("schedule_cron", "0 9 * * *")
                .containsEntry("schedule_timezone", "Europe/London");
        assertThat(rows.nextRunAt(agent)).isEqualTo("2026-03-29T08:00:00Z");
    }

    @Test
    void without_a_zone_the_schedule_follows_utc() {
        UUID org = rows.org();
        UUID agent = rows.agent(org);

        assertThat(schedules().set(org, agent, "0 9 * * *", null).nextRunAt()).isEqualTo("2026-03-29T09:00:00Z");
        assertThat(rows.agentRow(agent)).containsEntry("schedule_timezone", "UTC");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() {
        UUID org = rows.org();
        UUID agent = rows.agent(org);
        schedules().set(org, agent, "0 9 * * *", "Europe/London");
        Map<String, Object> before = rows.agentRow(agent);

        assertThatThrownBy(() -> schedules().set(org, agent, "0 9 * *", "Europe/London"))
                .isInstanceOfSatisfying(
                        InvalidCronException.class, e -> assertThat(e.field()).isEqualTo("schedule_cron"))
                .hasMessageContaining("it has 4 fields");
        assertThatThrownBy(() -> schedules().set(org, agent, "0 9 * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("schedule_timezone"))
                .hasMessage("schedule_timezone \"Mars/Olympus\" is not an IANA time zone; use a name such as"
                        + " Europe/London, America/New_York or UTC");
        assertThatThrownBy(() -> schedules().set(org, agent, "0 9 * * *", "+01:00"))
                .hasMessageContaining("schedule_timezone \"+01:00\" is not an IANA time zone");

        assertThat(rows.agentRow(agent)).isEqualTo(before);
    }

    @Test
    void an_agent_of_another_org_or_none_is_not_found_and_nothing_is_written() {
        UUID org = rows.org();
        UUID theirs = rows.agent(rows.org());
        Map<String, Object> before = rows.agentRow(theirs);

        assertThatThrownBy(() -> schedules().set(org, theirs, "0 9 * * *", "UTC"))
                .isInstanceOf(UnknownAgentException.class)
                .hasMessage("no agent " + theirs + " in organization " + org);
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> schedules().clear(org, nobody)).isInstanceOf(UnknownAgentException.class);

        assertThat(rows.agentRow(theirs)).isEqualTo(before);
    }

    @Test
    void a_cleared_schedule_has_no_next_fire() {
        UUID org = rows.org();
        UUID agent = rows.agent(org);
        schedules().set(org, agent, "*/5 * * * *", "America/New_York");

        AgentSchedule cleared = schedules().clear(org, agent);

        assertThat(cleared.cron()).isNull();
        assertThat(cleared.nextRunAt()).isNull();
        assertThat(rows.agentRow(agent)).containsEntry("schedule_cron", null).containsEntry("next_run_at", null);
        assertThat(schedules().list(org)).extracting(AgentSchedule::agentId).containsExactly(agent);
    }
}
