package io.agentry.companieshouse;

import io.agentry.support.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code limit} permits in any {@code window}: a sliding window, as Companies House counts
 * requests per key (600 per 5 minutes). One limiter per process ({@link #shared()}) serves every
 * client, because the API counts per key, not per caller.
 *
 * <p>Each call to {@link #acquire()} reserves its slot under the lock and then waits, outside the
 * lock, until the slot's time. The slot of the n-th permit is the later of now and the time of the
 * permit {@code limit} places before it plus the window; the last {@code limit} slot times live in
 * a ring. Slot times never decrease, so any window holds at most {@code limit} of them, however
 * many threads ask at once: the lock orders the reservations, and a thread leaves only once the
 * clock reached its slot. Waiting threads do not hold the lock and are served in the order they
 * arrived. A thread interrupted while it waits loses its slot; the slot stays counted, which errs
 * on the side of fewer requests.
 */
public final class RateLimiter {
    /** The Companies House limit: requests per key in {@link #COMPANIES_HOUSE_WINDOW}. */
    public static final int COMPANIES_HOUSE_LIMIT = 600;

    public static final Duration COMPANIES_HOUSE_WINDOW = Duration.ofMinutes(5);

    private static final RateLimiter SHARED =
            new RateLimiter(COMPANIES_HOUSE_LIMIT, COMPANIES_HOUSE_WINDOW, Clock.system(), Sleeper.system());

    private final int limit;
    private final Duration window;
    private final long windowNanos;
    private final Clock clock;
    private final Sleeper sleeper;

    // Guarded by this.
    private final long[] slots;
    private long granted;
    private long waits;
    private long waitedNanos;

    /**
     * @param limit permits in any window, at least 1
     * @param window the length of the sliding window, positive
     */
    public RateLimiter(int limit, Duration window, Clock clock, Sleeper sleeper) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.limit = limit;
        this.window = window;
        this.windowNanos = window.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.slots = new long[limit];
    }

    /** The limiter of the process, at the Companies House limit, on the system clock. */
    public static RateLimiter shared() {
        return SHARED;
    }

    /** Returns once a request may be sent, waiting for a permit to leave the window if need be. */
    public void acquire() throws InterruptedException {
        long slot = reserve();
        long remaining;
        while ((remaining = slot - clock.nanoTime()) > 0) {
            sleeper.sleep(Duration.ofNanos(remaining));
        }
    }

    private synchronized long reserve() {
        long now = clock.nanoTime();
        int index = (int) (granted % limit);
        long slot = now;
        if (granted >= limit && slots[index] + windowNanos - now > 0) {
            slot = slots[index] + windowNanos;
        }
        slots[index] = slot;
        granted++;
        if (slot != now) {
            waits++;
            waitedNanos += slot - now;
        }
        return slot;
    }

    public synchronized Counters counters() {
        return new Counters(granted, waits, Duration.ofNanos(waitedNanos));
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /**
     * What the limiter did since it was made.
     *
     * @param requests permits granted, each one request sent or about to be (retries included)
     * @param waits how many of them had to wait for the window
     * @param timeWaited the waits added up, as reserved (a wait cut short by an interrupt counts
     *     in full)
     */
    public record Counters(long requests, long waits, Duration timeWaited) {}
}
