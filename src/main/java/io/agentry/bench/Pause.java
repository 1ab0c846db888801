package io.agentry.bench;

import io.agentry.support.Clock;
import java.util.concurrent.locks.LockSupport;

/** Waiting in the harness: until an instant of the monotonic clock, to within ~0.1 ms. */
final class Pause {
    private Pause() {}

    static void until(Clock clock, long nanoTime) throws InterruptedException {
        for (long left = nanoTime - clock.nanoTime(); left > 0; left = nanoTime - clock.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    static void forMillis(Clock clock, long millis) throws InterruptedException {
        until(clock, clock.nanoTime() + millis * 1_000_000L);
    }
}
