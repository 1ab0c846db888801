package io.agentry.companieshouse;

import io.agentry.support.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A settable clock that is also the sleeper. {@link #advancing()} time moves forward by whatever a
 * sleeper asks for, at once; {@link #manual()} time moves only when the test calls {@link
 * #advance}, and sleepers block until then. Either way it records every pause asked for.
 */
final class FakeTime implements Clock, Sleeper {
    private static final Instant ORIGIN = Instant.parse("2025-06-02T09:00:00Z");

    private final boolean advancing;
    private final List<Duration> sleeps = new ArrayList<>();
    private long nanos;
    private int sleeping;

    private FakeTime(boolean advancing) {
        this.advancing = advancing;
    }

    static FakeTime advancing() {
        return new FakeTime(true);
    }

    static FakeTime manual() {
        return new FakeTime(false);
    }

    @Override
    public synchronized Instant now() {
        return ORIGIN.plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        sleeps.add(duration);
        long until = nanos + duration.toNanos();
        if (advancing) {
            nanos = Math.max(nanos, until);
            return;
        }
        sleeping++;
        try {
            while (nanos < until) {
                wait();
            }
        } finally {
            sleeping--;
        }
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
        notifyAll();
    }

    /** The time passed since the start. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Threads blocked in {@link #sleep} right now (manual time only). */
    synchronized int sleeping() {
        return sleeping;
    }
}
