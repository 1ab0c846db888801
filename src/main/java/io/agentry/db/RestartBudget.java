package io.agentry.db;

import io.agentry.support.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often the embedded server may be started again after it died: at most {@link #TRIES}
 * starts within {@link #WINDOW}, successful or not, as a service manager counts them. A server
 * that keeps dying, or cannot start at all, is beyond what restarting fixes; the process then
 * exits, so that whatever supervises it (systemd, Kubernetes) can act. Failed starts are spaced
 * by a pause that doubles from half a second.
 */
final class RestartBudget {
    static final int TRIES = 5;
    static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);

    private final Clock clock;
    private final Deque<Long> starts = new ArrayDeque<>();

    RestartBudget(Clock clock) {
        this.clock = clock;
    }

    /** Counts a start now and returns true, or returns false when the window holds no start left. */
    boolean take() {
        if (!hasLeft()) {
            return false;
        }
        starts.addLast(clock.nanoTime());
        return true;
    }

    /** True when a start now would be within the budget. */
    boolean hasLeft() {
        long now = clock.nanoTime();
        while (!starts.isEmpty() && now - starts.peekFirst() >= WINDOW.toNanos()) {
            starts.removeFirst();
        }
        return starts.size() < TRIES;
    }

    /** The pause before the next start after {@code failures} failed ones in a row (at least 1). */
    static Duration pauseAfter(int failures) {
        return FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 4));
    }

    /** For messages: "5 tries in 60 s". */
    static String describe() {
        return TRIES + " tries in " + WINDOW.toSeconds() + " s";
    }
}
