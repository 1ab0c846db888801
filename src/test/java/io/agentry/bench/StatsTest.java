package io.agentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentiles_are_nearest_rank_in_milliseconds_with_microsecond_resolution() {
        long[] micros = LongStream.rangeClosed(1, 100).map(i -> i * 1_001).toArray();

        Stats stats = Stats.ofMicros(micros);

        assertThat(stats.n()).isEqualTo(100);
        assertThat(stats.p50()).isEqualTo(50.05); // sorted[ceil(0.50·100) − 1] = 50th
        assertThat(stats.p95()).isEqualTo(95.095); // 95th, not 96th: no floating-point off-by-one
        assertThat(stats.p99()).isEqualTo(99.099);
        assertThat(stats.max()).isEqualTo(100.1);
        assertThat(stats.min()).isEqualTo(1.001);
        assertThat(stats.mean()).isEqualTo(50.551); // 50,550.5 µs, to the microsecond
    }

    @Test
    void a_single_sample_is_every_percentile() {
        Stats stats = Stats.ofMicros(new long[] {1_234});

        assertThat(stats.p50()).isEqualTo(1.234);
        assertThat(stats.p99()).isEqualTo(1.234);
    }

    @Test
    void no_samples_give_no_figures() {
        Stats stats = Stats.ofMicros(new long[0]);

        assertThat(stats.n()).isZero();
        assertThat(stats.p50()).isNull();
    }
}
