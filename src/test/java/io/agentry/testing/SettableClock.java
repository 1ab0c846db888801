package io.agentry.testing;

import io.agentry.support.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when the test says so. */
public final class SettableClock implements Clock {
    private Instant now;
    private long nanos;

    public SettableClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }
}
