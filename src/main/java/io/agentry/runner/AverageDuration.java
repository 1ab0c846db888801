package io.agentry.runner;

import java.time.Duration;

/**
 * A moving average of attempt durations (each new one weighs 1/8), and what it allows to prefetch.
 */
final class AverageDuration {
    /** The longest a prefetched task is expected to wait for a slot. */
    static final Duration PREFETCH_HORIZON = Duration.ofMillis(50);

    private long averageNanos = -1;

    synchronized void add(long nanos) {
        averageNanos = averageNanos < 0 ? nanos : averageNanos + (nanos - averageNanos) / 8;
    }

    /**
     * How many tasks beyond its slots a node may hold: as many as its slots run within the
     * horizon, at most {@code slots × perSlot}; none before any attempt was timed.
     */
    synchronized int prefetchAllowance(int slots, int perSlot) {
        if (averageNanos < 0 || perSlot == 0) {
            return 0;
        }
        long fits = slots * PREFETCH_HORIZON.toNanos() / Math.max(1, averageNanos);
        return (int) Math.min((long) slots * perSlot, fits);
    }
}
