package io.agentry.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the no-op handlers saw, by job index: when each first started, the enqueue time its
 * payload carried, and how often it ran (a second run is a duplicate). Written by the worker
 * threads without locks; the harness only waits on it and reads it once the run is over.
 */
final class JobLog {
    private final AtomicLongArray startMicros;
    private final AtomicLongArray enqueuedMicros;
    private final AtomicIntegerArray runs;
    private final AtomicInteger distinct = new AtomicInteger();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder strays = new LongAdder();
    private final Object progress = new Object();
    private volatile int awaited = Integer.MAX_VALUE;

    JobLog(int capacity) {
        startMicros = new AtomicLongArray(capacity);
        enqueuedMicros = new AtomicLongArray(capacity);
        runs = new AtomicIntegerArray(capacity);
    }

    /** Called by a handler: job {@code i}, enqueued at {@code t}, started at {@code started}. */
    void started(int i, long t, long started) {
        if (i < 0 || i >= runs.length()) {
            strays.increment(); // not a job of this run: reported as an error by the workload
            return;
        }
        if (runs.getAndIncrement(i) > 0) {
            duplicates.increment();
            return;
        }
        startMicros.set(i, started);
        enqueuedMicros.set(i, t);
        if (distinct.incrementAndGet() >= awaited) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** Waits until {@code count} distinct jobs have started; false if the deadline came first. */
    boolean awaitStarted(int count, Deadline deadline) throws InterruptedException {
        awaited = count;
        synchronized (progress) {
            while (distinct.get() < count) {
                long remaining = deadline.remainingNanos();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
        return true;
    }

    boolean hasStarted(int i) {
        return runs.get(i) > 0;
    }

    long startMicros(int i) {
        return startMicros.get(i);
    }

    long enqueuedMicros(int i) {
        return enqueuedMicros.get(i);
    }

    int distinct() {
        return distinct.get();
    }

    long duplicates() {
        return duplicates.sum();
    }

    long strays() {
        return strays.sum();
    }
}
