package io.agentry.runner;

import java.time.Duration;

/**
 * A latch that stays set until consumed: a signal that arrives while the dispatcher is busy is not
 * lost, and many signals while it is busy cost one extra look at the queue, not one each.
 */
final class Wakeup {
    private boolean signalled;

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Waits until signalled or {@code timeout} passed; consumes the signal. */
    synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!signalled) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
        signalled = false;
    }
}
