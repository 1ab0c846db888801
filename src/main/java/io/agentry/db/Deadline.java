package io.agentry.db;

import java.time.Duration;

/**
 * A bounded wait for something nobody signals, such as another process's progress: it is polled.
 */
final class Deadline {
    private final long end;

    private Deadline(long end) {
        this.end = end;
    }

    static Deadline after(Duration wait) {
        return new Deadline(System.nanoTime() + wait.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /** Sleeps for {@code interval}, or until the deadline if that is sooner; false if it had passed. */
    boolean pause(Duration interval) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
