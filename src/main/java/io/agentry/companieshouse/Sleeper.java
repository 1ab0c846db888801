package io.agentry.companieshouse;

import java.time.Duration;

/**
 * Waits for a while: the seam behind every pause of the client, so that tests can record the
 * pauses asked for and move a settable clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
