package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.support.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBudgetTest {
    private long nanos;
    private final Clock clock = new Clock() {
        @Override
        public Instant now() {
            return Instant.EPOCH.plusNanos(nanos);
        }

        @Override
        public long nanoTime() {
            return nanos;
        }
    };
    private final RestartBudget budget = new RestartBudget(clock);

    @Test
    void five_starts_within_a_minute_spend_it() {
        for (int start = 1; start <= 5; start++) {
            assertThat(budget.take()).as("start %d", start).isTrue();
            advance(Duration.ofSeconds(10));
        }

        assertThat(budget.hasLeft()).isFalse();
        assertThat(budget.take()).isFalse();
    }

    @Test
    void starts_older_than_a_minute_no_longer_count() {
        for (int start = 1; start <= 5; start++) {
            budget.take();
            advance(Duration.ofSeconds(10));
        }

        advance(Duration.ofSeconds(10)); // the first start is a minute old now

        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isFalse();
    }

    @Test
    void the_pause_doubles_from_half_a_second_up_to_eight() {
        assertThat(RestartBudget.pauseAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(RestartBudget.pauseAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RestartBudget.pauseAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RestartBudget.pauseAfter(9)).isEqualTo(Duration.ofSeconds(8));
    }

    private void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
