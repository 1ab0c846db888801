package io.agentry.website;

import io.agentry.support.Clock;
import java.time.Duration;

/** The time left for one site, on the clock's monotonic reading. */
record Budget(Clock clock, long deadlineNanos) {

    static Budget of(Clock clock, Duration length) {
        return new Budget(clock, clock.nanoTime() + length.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - clock.nanoTime()));
    }

    boolean spent() {
        return remaining().isZero();
    }

    /** The shorter of {@code limit} and what is left. */
    Duration window(Duration limit) {
        Duration remaining = remaining();
        return remaining.compareTo(limit) < 0 ? remaining : limit;
    }
}
