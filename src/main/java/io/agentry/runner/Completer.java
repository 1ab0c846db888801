package io.agentry.runner;

import io.agentry.db.Availability;
import io.agentry.db.DatabaseException;
import io.agentry.queue.Leases;
import io.agentry.queue.Outcome;
import io.agentry.support.Threads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the node's agents did to the database in batches: whatever happened while the
 * previous write was in flight goes in the next one (group commit). Under load that turns
 * thousands of small transactions into a few large ones; when idle, a write happens at once.
 *
 * <p>Two kinds of write: an agent started (its execution becomes {@code running}) and an attempt
 * ended. A start whose end is in the same batch is not written at all: the end says everything,
 * which spares short tasks one row update each.
 *
 * <p>An outcome leaves the node's held set only after its write committed. A write that fails is
 * retried; if the node dies first, the lease runs out and the rescuer takes over.
 *
 * <p>Heartbeats run on this thread too, between batches: every write a node makes to the tasks it
 * holds goes through one thread and one statement at a time, so its lease renewals never race its
 * own outcomes on the same rows.
 */
final class Completer {
    private static final Logger log = LoggerFactory.getLogger(Completer.class);
    private static final int MAX_BATCH = 1_000;

    private sealed interface Write permits Started, Ended, Beat, Stop {}

    private record Started(UUID taskId, int attempt) implements Write {}

    private record Ended(Outcome outcome) implements Write {}

    private record Beat() implements Write {}

    private record Stop() implements Write {}

    private final Leases leases;
    private final Availability availability;
    private final Consumer<Outcome> written;
    private final Runnable heartbeat;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private Thread thread;

    Completer(Leases leases, Availability availability, Consumer<Outcome> written, Runnable heartbeat) {
        this.leases = leases;
        this.availability = availability;
        this.written = written;
        this.heartbeat = heartbeat;
    }

    void started(UUID taskId, int attempt) {
        queue.add(new Started(taskId, attempt));
    }

    void ended(Outcome outcome) {
        queue.add(new Ended(outcome));
    }

    /**
     * Asks for a heartbeat on this thread, after the writes queued before it. The node's writes to
     * its own tasks thereby never run concurrently with each other.
     */
    void beat() {
        queue.add(new Beat());
    }

    void start() {
        thread = Threads.start("agentry-completer", this::loop);
    }

    /** Writes everything added so far, then ends the thread. */
    void stop() {
        queue.add(new Stop());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes everything queued, on the calling thread. */
    void flushNow() {
        List<Write> batch = new ArrayList<>();
        queue.drainTo(batch);
        write(batch);
    }

    private void loop() {
        List<Write> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.removeIf(Stop.class::isInstance);
            boolean beat = batch.removeIf(Beat.class::isInstance);
            writeWithRetry(batch, stopping);
            batch.clear();
            if (beat) {
                heartbeat.run();
            }
        }
        flushNow();
    }

    private void writeWithRetry(List<Write> batch, boolean stopping) {
        long delayMs = 100;
        while (true) {
            try {
                long asked = availability.asking();
                write(batch);
                availability.answered(asked);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    log.error("Could not write {} outcome(s) at shutdown; their leases will expire", batch.size(), e);
                    return;
                }
                if (!availability.unreachable("writing outcomes", e)) {
                    log.warn("Writing {} outcome(s) failed; retrying in {} ms", batch.size(), delayMs, e);
                }
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

    /**
     * Writes the outcomes in one statement. When the database refuses the data itself (a result
     * it cannot store), sending the batch again would fail forever and hold back every outcome in
     * it, and the node's heartbeats with them: each outcome is written alone, and one still
     * refused ends its task failed, with the reason in place of the result.
     */
    private Set<UUID> finish(List<Outcome> outcomes) {
        try {
            return leases.finish(outcomes);
        } catch (DatabaseException e) {
            if (!e.isDataError()) {
                throw e;
            }
            if (outcomes.size() == 1) {
                Outcome refused = outcomes.get(0);
                log.error(
                        "The result of task {} attempt {} cannot be stored; the task fails",
                        refused.taskId(),
                        refused.attempt(),
                        e);
                return leases.finish(List.of(refused.unstorable(e.getMessage())));
            }
            Set<UUID> applied = new HashSet<>();
            for (Outcome outcome : outcomes) {
                applied.addAll(finish(List.of(outcome)));
            }
            return applied;
        }
    }

    private void write(List<Write> batch) {
        Map<UUID, Integer> started = new HashMap<>();
        List<Outcome> ended = new ArrayList<>();
        for (Write write : batch) {
            if (write instanceof Started s) {
                started.put(s.taskId(), s.attempt());
            } else if (write instanceof Ended e) {
                ended.add(e.outcome());
                started.remove(e.outcome().taskId());
            }
        }
        leases.markRunning(started);
        Set<UUID> applied = finish(ended);
        for (Outcome outcome : ended) {
            if (!applied.contains(outcome.taskId())) {
                log.warn(
                        "Outcome of task {} attempt {} was not applied: the node no longer held it",
                        outcome.taskId(),
                        outcome.attempt());
            }
            written.accept(outcome);
        }
    }
}
