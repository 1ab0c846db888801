package io.agentry.support;

import java.time.Instant;

/**
 * The time source of the process. Lease arithmetic uses the database clock instead (see
 * docs/queue.md); this one measures durations and stamps what the process itself observes.
 */
public interface Clock {

    Instant now();

    /** A monotonic reading for durations, in nanoseconds. */
    long nanoTime();

    /** Wall-clock microseconds since the epoch. */
    default long epochMicros() {
        Instant now = now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
