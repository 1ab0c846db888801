package io.agentry.runner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The options records refuse values out of range in their field words, for callers that skip the CLI. */
class OptionsValidationTest {
    private final RunnerOptions defaults = RunnerOptions.defaults();

    @Test
    void runner_options_name_the_field_and_its_range() {
        assertThatThrownBy(() -> defaults.withSlots(0)).hasMessage("slots must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> defaults.withPrefetch(1001))
                .hasMessage("prefetch must be between 0 and 1000, was 1001");
        assertThatThrownBy(() -> defaults.withPollInterval(Duration.ZERO))
                .hasMessage("pollInterval must be positive and at most 1h, was 0s");
        assertThatThrownBy(() -> defaults.withLease(Duration.ofDays(99_999_999_999_999L), Duration.ofSeconds(10)))
                .hasMessage("leaseTtl must be positive and at most 1d, was 99999999999999d");
        assertThatThrownBy(() -> defaults.withDefaultTimeout(Duration.ofMillis(-250)))
                .hasMessage("defaultTimeout must be positive and at most 7d, was -250ms");
        assertThatThrownBy(() -> defaults.withShutdownGrace(Duration.ofMinutes(61)))
                .hasMessage("shutdownGrace must be between 0s and 1h, was 61m");
        assertThatThrownBy(() -> defaults.withLease(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .hasMessage("heartbeatInterval (5s) must be shorter than leaseTtl (5s)");
    }

    @Test
    void maintenance_options_name_the_field_and_its_range() {
        assertThatThrownBy(() -> new Maintenance.Options(Duration.ZERO, Duration.ofDays(7)))
                .hasMessage("interval must be positive and at most 1h, was 0s");
        assertThatThrownBy(() -> new Maintenance.Options(Duration.ofSeconds(5), Duration.ofDays(3651)))
                .hasMessage("retention must be positive and at most 3650d, was 3651d");
        assertThatThrownBy(() -> new Maintenance.Options(null, Duration.ofDays(7)))
                .hasMessage("interval");
    }
}
