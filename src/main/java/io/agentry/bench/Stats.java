package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;

/**
 * A distribution of durations as WORKLOADS.md reports it: milliseconds with microsecond
 * resolution, percentiles by nearest rank ({@code sorted[ceil(p·n) − 1]}). With no samples every
 * figure is {@code null}.
 */
@JsonPropertyOrder({"n", "p50", "p95", "p99", "max", "mean", "min"})
public record Stats(int n, Double p50, Double p95, Double p99, Double max, Double mean, Double min) {

    public static Stats ofMicros(long[] micros) {
        if (micros.length == 0) {
            return new Stats(0, null, null, null, null, null, null);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Stats(
                sorted.length,
                ms(nearestRank(sorted, 50)),
                ms(nearestRank(sorted, 95)),
                ms(nearestRank(sorted, 99)),
                ms(sorted[sorted.length - 1]),
                Math.round(sum / sorted.length) / 1000.0,
                ms(sorted[0]));
    }

    /** {@code sorted[ceil(percent/100 · n) − 1]}, in integers: 0.95 · 100 is not 95 in doubles. */
    static long nearestRank(long[] sorted, int percent) {
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
