package io.agentry.queue;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The retry delay: {@code min(1 s × 2^retryCount, 60 s)}, spread by ±{@code jitter} (a fraction,
 * default 0.1) so that tasks failing together do not come back together.
 */
public final class Backoff {
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);

    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param jitter the spread as a fraction of the delay, 0 for none
     * @param random a source of uniform values in [0, 1)
     */
    public Backoff(double jitter, DoubleSupplier random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        this.jitter = jitter;
        this.random = random;
    }

    /** The delay before the retry that follows failed attempt number {@code retryCount + 1}. */
    public Duration delay(int retryCount) {
        long base = retryCount >= 6 ? CAP.toMillis() : Math.min(CAP.toMillis(), BASE.toMillis() << retryCount);
        double spread = jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(base * (1 + spread)));
    }
}
