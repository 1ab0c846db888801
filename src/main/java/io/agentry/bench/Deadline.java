package io.agentry.bench;

import io.agentry.support.Clock;
import java.time.Duration;

/** The end of the time a workload may take ({@code --timeout-s}), on the monotonic clock. */
record Deadline(Clock clock, long atNanos) {

    static Deadline after(Clock clock, Duration limit) {
        return new Deadline(clock, clock.nanoTime() + limit.toNanos());
    }

    long remainingNanos() {
        return atNanos - clock.nanoTime();
    }

    boolean passed() {
        return remainingNanos() <= 0;
    }

    /** The earlier of this deadline and {@code limit} from now. */
    Deadline within(Duration limit) {
        return new Deadline(clock, Math.min(atNanos, clock.nanoTime() + limit.toNanos()));
    }
}
