package io.agentry.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cron expressions as users write them, and their fires on the wall clock of a zone, DST included. */
class CronSpecTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void a_missing_field_is_refused_counting_the_fields() {
        assertThatThrownBy(() -> CronSpec.parse("0 9 * *"))
                .isInstanceOf(InvalidCronException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schedule_cron \"0 9 * *\" is not a 5-field Unix cron expression"
                        + " (minute hour day-of-month month day-of-week): it has 4 fields");
        assertThatThrownBy(() -> CronSpec.parse("0 0 9 * * *")).hasMessageEndingWith("it has 6 fields");
    }

    @Test
    void an_out_of_range_value_is_refused_naming_its_field_and_range() {
        assertThatThrownBy(() -> CronSpec.parse("60 9 * * *"))
                .hasMessage("schedule_cron \"60 9 * * *\" has an invalid minute field \"60\":"
                        + " 60 is out of range, it must be 0 to 59");
        assertThatThrownBy(() -> CronSpec.parse("0 24 * * *")).hasMessageContaining("invalid hour field \"24\"");
        assertThatThrownBy(() -> CronSpec.parse("0 9 0 * *"))
                .hasMessageContaining("invalid day-of-month field \"0\": 0 is out of range, it must be 1 to 31");
        assertThatThrownBy(() -> CronSpec.parse("0 9 * 13 *")).hasMessageContaining("invalid month field \"13\"");
        assertThatThrownBy(() -> CronSpec.parse("0 9 * * 8"))
                .hasMessageContaining("invalid day-of-week field \"8\": 8 is out of range, it must be 0 to 7");
    }

    @Test
    void malformed_fields_empty_text_and_nicknames_are_refused_in_plain_words() {
        assertThatThrownBy(() -> CronSpec.parse("x 9 * * *"))
                .hasMessageContaining("invalid minute field \"x\": it has characters cron does not know");
        assertThatThrownBy(() -> CronSpec.parse("5-3 * * * *")).hasMessageContaining("the range 5-3 runs backwards");
        assertThatThrownBy(() -> CronSpec.parse("*/0 * * * *")).hasMessageContaining("the step 0 must be 1 to 59");
        assertThatThrownBy(() -> CronSpec.parse("0 9 ? * *")).hasMessageContaining("invalid day-of-month field \"?\"");
        assertThatThrownBy(() -> CronSpec.parse("  ")).hasMessageStartingWith("schedule_cron \"  \" is empty");
        assertThatThrownBy(() -> CronSpec.parse(null)).isInstanceOf(InvalidCronException.class);
        assertThatThrownBy(() -> CronSpec.parse("@daily")).hasMessageContaining("is a nickname");
        assertThatThrownBy(() -> CronSpec.parse("0 0 30 2 *")).hasMessageContaining("never fires");
    }

    @Test
    void names_lists_ranges_and_steps_are_read_as_in_unix_cron() {
        Instant monday = Instant.parse("2026-03-02T00:00:00Z");
        assertThat(fires("0 9 * * MON-FRI", monday, UTC, 6))
                .extracting(Instant::toString)
                .containsExactly(
                        "2026-03-02T09:00:00Z",
                        "2026-03-03T09:00:00Z",
                        "2026-03-04T09:00:00Z",
                        "2026-03-05T09:00:00Z",
                        "2026-03-06T09:00:00Z",
                        "2026-03-09T09:00:00Z");
        assertThat(fires("*/20 9-10 * * *", monday, UTC, 4))
                .extracting(Instant::toString)
                .containsExactly(
                        "2026-03-02T09:00:00Z", "2026-03-02T09:20:00Z", "2026-03-02T09:40:00Z", "2026-03-02T10:00:00Z");
        // Day-of-month OR day-of-week when both are restricted; 7 is Sunday like 0.
        assertThat(fires("0 0 15 * 7", Instant.parse("2026-03-09T00:00:00Z"), UTC, 3))
                .extracting(Instant::toString)
                .containsExactly("2026-03-15T00:00:00Z", "2026-03-22T00:00:00Z", "2026-03-29T00:00:00Z");
    }

    @Test
    void the_next_fire_is_strictly_after_the_instant_given() {
        CronSpec nine = CronSpec.parse("0 9 * * *");
        assertThat(nine.next(Instant.parse("2026-06-01T09:00:00Z"), UTC)).isEqualTo("2026-06-02T09:00:00Z");
        assertThat(nine.next(Instant.parse("2026-06-01T08:59:59.999Z"), UTC)).isEqualTo("2026-06-01T09:00:00Z");
        assertThat(nine.next(Instant.parse("2026-06-01T09:00:00.001Z"), UTC)).isEqualTo("2026-06-02T09:00:00Z");
    }

    @Test
    void nine_am_in_london_is_nine_on_the_wall_clock_on_both_sides_of_each_change() {
        assertThat(fires("0 9 * * *", Instant.parse("2026-03-27T12:00:00Z"), LONDON, 3))
                .extracting(Instant::toString)
                .containsExactly("2026-03-28T09:00:00Z", "2026-03-29T08:00:00Z", "2026-03-30T08:00:00Z");
        assertThat(fires("0 9 * * *", Instant.parse("2026-10-24T00:00:00Z"), LONDON, 3))
                .extracting(Instant::toString)
                .containsExactly("2026-10-24T08:00:00Z", "2026-10-25T09:00:00Z", "2026-10-26T09:00:00Z");
    }

    @Test
    void a_time_skipped_in_spring_fires_once_when_the_clocks_jump() {
        // London, 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 does not exist that day.
        assertThat(fires("30 1 * * *", Instant.parse("2026-03-28T02:00:00Z"), LONDON, 3))
                .extracting(Instant::toString)
                .containsExactly("2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z");
    }

    @Test
    void several_skipped_slots_collapse_into_the_one_fire_at_the_jump() {
        assertThat(fires("*/15 * * * *", Instant.parse("2026-03-29T00:40:00Z"), LONDON, 3))
                .extracting(Instant::toString)
                .containsExactly("2026-03-29T00:45:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:15:00Z");
    }

    @Test
    void a_time_repeated_in_autumn_fires_once_at_its_first_occurrence() {
        // London, 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:30 happens twice.
        assertThat(fires("30 1 * * *", Instant.parse("2026-10-24T12:00:00Z"), LONDON, 2))
                .extracting(Instant::toString)
                .containsExactly("2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
    }

    @Test
    void the_repeated_hour_does_not_fire_again_even_when_asked_from_inside_it() {
        assertThat(fires("*/15 * * * *", Instant.parse("2026-10-25T00:40:00Z"), LONDON, 3))
                .extracting(Instant::toString)
                .containsExactly("2026-10-25T00:45:00Z", "2026-10-25T02:00:00Z", "2026-10-25T02:15:00Z");
        // 01:10 GMT, the second pass of 01:10: the slots of that hour have fired already.
        assertThat(CronSpec.parse("*/15 * * * *").next(Instant.parse("2026-10-25T01:10:00Z"), LONDON))
                .isEqualTo("2026-10-25T02:00:00Z");
    }

    @Test
    void new_york_follows_the_same_rules_on_its_own_dates() {
        // 8 March 2026: 02:00 EST becomes 03:00 EDT.
        assertThat(fires("30 2 * * *", Instant.parse("2026-03-07T12:00:00Z"), NEW_YORK, 2))
                .extracting(Instant::toString)
                .containsExactly("2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z");
        // 1 November 2026: 02:00 EDT becomes 01:00 EST.
        assertThat(fires("30 1 * * *", Instant.parse("2026-10-31T12:00:00Z"), NEW_YORK, 2))
                .extracting(Instant::toString)
                .containsExactly("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z");
    }

    @Test
    void fires_strictly_increase_through_a_whole_year_of_changes() {
        for (String expression : List.of("30 1 * * *", "0 2 * * *", "0 9 * * *")) {
            CronSpec spec = CronSpec.parse(expression);
            for (ZoneId zone : List.of(LONDON, NEW_YORK)) {
                List<Instant> year = between(spec, zone, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
                // One fire a day, every day, the changes included (365 days, plus the first of 2027).
                assertThat(year).as(expression + " in " + zone).hasSize(366);
            }
        }
    }

    @Test
    void every_quarter_hour_loses_the_skipped_hour_and_does_not_repeat_the_repeated_one() {
        CronSpec quarterHours = CronSpec.parse("*/15 * * * *");
        // 29 March in London has 23 hours: 92 quarter-hour slots, of which 01:00-01:45 collapse into one.
        assertThat(between(quarterHours, LONDON, "2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z"))
                .hasSize(4 + 88);
        // 25 October has 25 hours, but its repeated hour fires once: 96 fires, as on any day.
        assertThat(between(quarterHours, LONDON, "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z"))
                .hasSize(96);
    }

    /** The fires after {@code from} up to the first at or after {@code until}, each checked to increase. */
    private static List<Instant> between(CronSpec spec, ZoneId zone, String from, String until) {
        List<Instant> fires = new ArrayList<>();
        Instant at = Instant.parse(from);
        while (at.isBefore(Instant.parse(until))) {
            Instant next = spec.next(at, zone);
            assertThat(next).as(spec + " in " + zone + " after " + at).isAfter(at);
            fires.add(next);
            at = next;
        }
        return fires;
    }

    private static List<Instant> fires(String expression, Instant after, ZoneId zone, int count) {
        CronSpec spec = CronSpec.parse(expression);
        List<Instant> fires = new ArrayList<>();
        Instant at = after;
        for (int i = 0; i < count; i++) {
            at = spec.next(at, zone);
            fires.add(at);
        }
        return fires;
    }
}
