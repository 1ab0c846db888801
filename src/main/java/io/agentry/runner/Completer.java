package io.agentry.runner;

import io.agentry.queue.Leases;
import io.agentry.queue.Outcome;
import io.agentry.support.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes finished attempts to the database in batches: whatever finished while the previous write
 * was in flight goes in the next one statement (group commit). Under load that turns thousands of
 * small transactions into a few large ones; when idle, an outcome is written at once.
 *
 * <p>An outcome leaves the node's held set only after its write committed. A write that fails is
 * retried; if the node dies first, the lease runs out and the rescuer takes over.
 */
final class Completer {
    private static final Logger log = LoggerFactory.getLogger(Completer.class);
    private static final int MAX_BATCH = 1_000;
    private static final Outcome STOP =
            new Outcome(new UUID(0, 0), 0, Outcome.Kind.RELEASED, null, null, null, null, null, Duration.ZERO);

    private final Leases leases;
    private final Consumer<Outcome> written;
    private final LinkedBlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();
    private Thread thread;

    Completer(Leases leases, Consumer<Outcome> written) {
        this.leases = leases;
        this.written = written;
    }

    void add(Outcome outcome) {
        queue.add(outcome);
    }

    void start() {
        thread = Threads.start("agentry-completer", this::loop);
    }

    /** Writes everything added so far, then ends the thread. */
    void stop() {
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes everything queued, on the calling thread. */
    void flushNow() {
        List<Outcome> batch = new ArrayList<>();
        queue.drainTo(batch);
        batch.remove(STOP);
        write(batch);
    }

    private void loop() {
        List<Outcome> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            writeWithRetry(batch, stopping);
            batch.clear();
        }
        flushNow();
    }

    private void writeWithRetry(List<Outcome> batch, boolean stopping) {
        long delayMs = 100;
        while (true) {
            try {
                write(batch);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    log.error("Could not write {} outcome(s) at shutdown; their leases will expire", batch.size(), e);
                    return;
                }
                log.warn("Writing {} outcome(s) failed; retrying in {} ms", batch.size(), delayMs, e);
                try {
                    TimeUnit.MILLISECONDS.sleep(delayMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delayMs = Math.min(delayMs * 2, 5_000);
            }
        }
    }

    private void write(List<Outcome> batch) {
        if (batch.isEmpty()) {
            return;
        }
        leases.finish(batch);
        batch.forEach(written);
    }
}
