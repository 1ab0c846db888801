package io.agentry.companieshouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final FakeTime time = FakeTime.advancing();
    private final Backoff backoff =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Backoff.Jitter.none(), time);

    @Test
    void the_pause_doubles_from_the_base_up_to_the_cap() {
        assertThat(backoff.after(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5, null)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(6, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(100, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retry_after_in_seconds_or_as_a_date_replaces_the_pause() {
        assertThat(backoff.after(1, "12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(backoff.after(1, "Mon, 02 Jun 2025 09:00:45 GMT")).isEqualTo(Duration.ofSeconds(45));
        assertThat(backoff.after(1, "Mon, 02 Jun 2025 08:00:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void retry_after_is_held_to_five_minutes_and_ignored_when_unreadable() {
        assertThat(backoff.after(1, "86400")).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(3, "soon")).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(3, "-1")).isEqualTo(Duration.ofSeconds(4));
    }

    @RepeatedTest(20)
    void random_jitter_keeps_between_half_and_all_of_the_pause() {
        Duration jittered = Backoff.Jitter.random().apply(Duration.ofSeconds(8));

        assertThat(jittered).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
}
