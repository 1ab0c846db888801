package io.agentry.web;

import io.agentry.support.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per client address, in fixed windows: an address that failed
 * {@code limit} times in a window is refused (429) until the window ends, even with a good key,
 * so that guessing keys is slow. Kept in memory, per node.
 */
final class FailedLogins {
    private record Window(long startNanos, int failures) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;
    private final long windowNanos;

    FailedLogins(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Seconds until the address may try again; 0 when it may now. */
    long blockedFor(String address) {
        Window window = windows.get(address);
        if (window == null || window.failures() < limit) {
            return 0;
        }
        long left = window.startNanos() + windowNanos - clock.nanoTime();
        if (left <= 0) {
            windows.remove(address, window);
            return 0;
        }
        return Math.max(1, Duration.ofNanos(left).toSeconds());
    }

    void failed(String address) {
        long now = clock.nanoTime();
        if (windows.size() > 10_000) {
            windows.values().removeIf(window -> now - window.startNanos() > windowNanos);
        }
        windows.compute(
                address,
                (key, window) -> window == null || now - window.startNanos() > windowNanos
                        ? new Window(now, 1)
                        : new Window(window.startNanos(), window.failures() + 1));
    }
}
