package io.agentry.companieshouse;

import io.agentry.support.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

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
 *
 * <p>Work that must not stall on the limit asks without waiting: {@link #tryAcquire()} takes a
 * permit only if one is free now, and {@link #withMaxWait} gives a limiter on the same window whose
 * {@link #acquire()} waits at most so long and otherwise throws {@link PermitUnavailableException},
 * reserving nothing. A client built on such a limiter fails fast, with that exception, once the
 * window's permits are spent. Such a refusal is decided under the lock from the slot a reservation
 * would get, so it never takes a slot and never lets a request past the limit.
 */
public final class RateLimiter {
    /** The Companies House limit: requests per key in {@link #COMPANIES_HOUSE_WINDOW}. */
    public static final int COMPANIES_HOUSE_LIMIT = 600;

    public static final Duration COMPANIES_HOUSE_WINDOW = Duration.ofMinutes(5);

    private static final RateLimiter SHARED =
            new RateLimiter(COMPANIES_HOUSE_LIMIT, COMPANIES_HOUSE_WINDOW, Clock.system(), Sleeper.system());

    private final Window window;
    /** How long {@link #acquire()} may wait; null for as long as it takes. */
    private final Duration maxWait;

    private final AtomicLong grantedHere = new AtomicLong();

    /**
     * @param limit permits in any window, at least 1
     * @param window the length of the sliding window, positive
     */
    public RateLimiter(int limit, Duration window, Clock clock, Sleeper sleeper) {
        this(new Window(limit, window, clock, sleeper), null);
    }

    private RateLimiter(Window window, Duration maxWait) {
        this.window = window;
        this.maxWait = maxWait;
    }

    /** The limiter of the process, at the Companies House limit, on the system clock. */
    public static RateLimiter shared() {
        return SHARED;
    }

    /**
     * A limiter on this one's window (the same limit, the same permits already granted) whose
     * {@link #acquire()} waits at most {@code maxWait} for a permit, and otherwise throws {@link
     * PermitUnavailableException} at once, without waiting and without taking a permit.
     *
     * @param maxWait zero or more; zero takes only a permit that is free now
     */
    public RateLimiter withMaxWait(Duration maxWait) {
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be zero or more, was " + maxWait);
        }
        return new RateLimiter(window, maxWait);
    }

    /**
     * Returns once a request may be sent, waiting for a permit to leave the window if need be; on a
     * limiter {@link #withMaxWait made with a maximum wait}, throws {@link
     * PermitUnavailableException} when no permit comes within it.
     */
    public void acquire() throws InterruptedException {
        if (maxWait == null) {
            long slot = window.reserve(Long.MAX_VALUE);
            grantedHere.incrementAndGet();
            window.await(slot);
        } else if (!tryAcquire(maxWait)) {
            throw new PermitUnavailableException(window.limit, window.length, maxWait);
        }
    }

    /** Takes a permit if one is free now; never waits. */
    public boolean tryAcquire() {
        boolean granted = window.reserve(0) != Window.REFUSED;
        if (granted) {
            grantedHere.incrementAndGet();
        }
        return granted;
    }

    /**
     * Takes a permit if one comes within {@code wait}, and waits for it; returns false at once,
     * having taken nothing, when none would.
     */
    public boolean tryAcquire(Duration wait) throws InterruptedException {
        if (wait == null || wait.isNegative()) {
            throw new IllegalArgumentException("wait must be zero or more, was " + wait);
        }
        long slot = window.reserve(wait.toNanos());
        if (slot == Window.REFUSED) {
            return false;
        }
        grantedHere.incrementAndGet();
        window.await(slot);
        return true;
    }

    /** How many permits could be taken now, one after the other, without waiting. */
    public int available() {
        return window.available();
    }

    /** Everything granted on this limiter's window: by it and by every limiter made from it. */
    public Counters counters() {
        return window.counters();
    }

    /**
     * The permits granted through this very limiter, not through others on its window: for work
     * that counts its own requests while other work shares the limit.
     */
    public long permitsGranted() {
        return grantedHere.get();
    }

    public int limit() {
        return window.limit;
    }

    public Duration window() {
        return window.length;
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

    /**
     * No permit within the wait a limiter {@link #withMaxWait was made with}: the window's permits
     * are spent. Nothing was sent and no permit was taken; the same request may be made later.
     */
    public static final class PermitUnavailableException extends RuntimeException {
        PermitUnavailableException(int limit, Duration window, Duration maxWait) {
            super("No Companies House request permit within " + maxWait.toMillis() + " ms: the " + limit
                    + " requests allowed in " + describe(window) + " are spent");
        }

        private static String describe(Duration window) {
            long seconds = window.toSeconds();
            if (seconds % 60 == 0) {
                return seconds == 60 ? "1 minute" : seconds / 60 + " minutes";
            }
            return window.toMillis() + " ms";
        }
    }

    /** The slots of one window, shared by the limiters made from one another. */
    private static final class Window {
        static final long REFUSED = Long.MIN_VALUE;

        final int limit;
        final Duration length;
        final long lengthNanos;
        final Clock clock;
        final Sleeper sleeper;

        // Guarded by this.
        final long[] slots;
        long granted;
        long waits;
        long waitedNanos;

        Window(int limit, Duration length, Clock clock, Sleeper sleeper) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
            if (length == null || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("window must be positive, was " + length);
            }
            this.limit = limit;
            this.length = length;
            this.lengthNanos = length.toNanos();
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            this.slots = new long[limit];
        }

        /** The slot of the next permit, reserved; {@link #REFUSED} if it is more than {@code maxWaitNanos} away. */
        synchronized long reserve(long maxWaitNanos) {
            long now = clock.nanoTime();
            int index = (int) (granted % limit);
            long slot = now;
            if (granted >= limit && slots[index] + lengthNanos - now > 0) {
                slot = slots[index] + lengthNanos;
            }
            if (slot - now > maxWaitNanos) {
                return REFUSED;
            }
            slots[index] = slot;
            granted++;
            if (slot != now) {
                waits++;
                waitedNanos += slot - now;
            }
            return slot;
        }

        void await(long slot) throws InterruptedException {
            long remaining;
            while ((remaining = slot - clock.nanoTime()) > 0) {
                sleeper.sleep(Duration.ofNanos(remaining));
            }
        }

        /**
         * The next permits are free now while they are among the first {@code limit} ever granted
         * or the slot {@code limit} places before them has left the window; slots never decrease,
         * so the first one still in the window ends the count.
         */
        synchronized int available() {
            long now = clock.nanoTime();
            int free = 0;
            while (free < limit) {
                long next = granted + free;
                if (next >= limit && slots[(int) (next % limit)] + lengthNanos - now > 0) {
                    break;
                }
                free++;
            }
            return free;
        }

        synchronized Counters counters() {
            return new Counters(granted, waits, Duration.ofNanos(waitedNanos));
        }
    }
}
