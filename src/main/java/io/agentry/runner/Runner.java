package io.agentry.runner;

import io.agentry.agent.AgentRegistry;
import io.agentry.agent.StopReason;
import io.agentry.agent.StreamSinks;
import io.agentry.db.Database;
import io.agentry.queue.Backoff;
import io.agentry.queue.ClaimedTask;
import io.agentry.queue.Leases;
import io.agentry.queue.LocalEnqueues;
import io.agentry.queue.Outcome;
import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner node: claims due tasks of the agent types its registry has into its slots and runs
 * their agents. Tasks of other types are left for nodes that run them.
 *
 * <p>Threads: one dispatcher claims (one statement for all free slots) and hands tasks to the
 * worker pool, one per slot; a {@link Completer} writes finished attempts in batches; the timer
 * renews leases (one statement for every task held) and enforces timeouts; a {@link
 * NotificationListener} wakes the dispatcher when tasks are enqueued and relays cancellations;
 * enqueues made by this process wake it directly ({@link LocalEnqueues}).
 *
 * <p>A slot frees as soon as its agent returns, before the outcome is committed: the task stays
 * held (and its lease renewed) until the completer has written it, so a crash in between leaves a
 * lease to expire, never a lost result that looks finished.
 *
 * <p>For tests, {@link #runOnce()} does one dispatcher step on the calling thread without
 * starting anything.
 */
public final class Runner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    public enum State {
        RUNNING,
        DRAINING,
        STOPPED
    }

    private final Database database;
    private final AgentRegistry registry;
    private final StreamSinks sinks;
    private final RunnerOptions options;
    private final Clock clock;
    private final Leases leases;
    private final NodeRegistry nodes;
    private final Backoff backoff;
    private final ScheduledExecutorService timer = timer();
    private final Map<UUID, Attempt> held = new ConcurrentHashMap<>();
    private final AtomicInteger busySlots = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AverageDuration averageAttempt = new AverageDuration();
    private final Wakeup wakeup = new Wakeup();
    private final Runnable enqueuedHere = wakeup::signal;
    private final Object slotsFreed = new Object();
    private final Completer completer;

    private volatile RunnerMeters meters;
    private volatile State state = State.STOPPED;
    private Thread dispatcher;
    private ThreadPoolExecutor workers;
    private ScheduledFuture<?> heartbeats;
    private volatile NotificationListener listener;

    public Runner(Database database, AgentRegistry registry, RunnerOptions options, Clock clock) {
        this(database, registry, StreamSinks.NONE, options, clock);
    }

    /** A runner whose agents report to their streams through {@code sinks}. */
    public Runner(Database database, AgentRegistry registry, StreamSinks sinks, RunnerOptions options, Clock clock) {
        this(
                database,
                registry,
                sinks,
                options,
                clock,
                new Backoff(0.1, () -> ThreadLocalRandom.current().nextDouble()));
    }

    Runner(Database database, AgentRegistry registry, RunnerOptions options, Clock clock, Backoff backoff) {
        this(database, registry, StreamSinks.NONE, options, clock, backoff);
    }

    private Runner(
            Database database,
            AgentRegistry registry,
            StreamSinks sinks,
            RunnerOptions options,
            Clock clock,
            Backoff backoff) {
        this.database = database;
        this.sinks = sinks;
        this.backoff = backoff;
        this.registry = registry;
        this.options = options;
        this.clock = clock;
        this.leases = new Leases(database.queueDataSource());
        this.nodes = new NodeRegistry(database.dataSource());
        this.completer = new Completer(leases, database.availability(), this::written, this::heartbeatSafely);
        this.meters = RunnerMeters.unread(options.nodeId());
    }

    /** Counts claims, outcomes and attempt durations into {@code registry} (see {@link RunnerMeters}). */
    public void recordTo(io.micrometer.core.instrument.MeterRegistry registry) {
        meters = new RunnerMeters(registry, options.nodeId());
    }

    /**
     * Heartbeats, retry wake-ups and one timeout watch per attempt. A watch is cancelled when its
     * attempt ends, usually long before it is due (the default timeout is 15 minutes): cancelled
     * watches leave the queue at once rather than piling up, one per finished attempt, until due.
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Threads.factory("agentry-timer"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    public RunnerOptions options() {
        return options;
    }

    public synchronized void start() {
        if (state != State.STOPPED) {
            return;
        }
        nodes.register(
                options, RunnerOptions.hostName(), ProcessHandle.current().pid(), registry.types());
        workers = new ThreadPoolExecutor(
                options.slots(),
                options.slots(),
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                Threads.factory("agentry-worker"));
        completer.start();
        listener = new NotificationListener(database, this::caughtUp, wakeup::signal, this::cancelRequested);
        listener.start();
        LocalEnqueues.subscribe(enqueuedHere);
        long beat = options.heartbeatInterval().toNanos();
        heartbeats = timer.scheduleWithFixedDelay(completer::beat, beat, beat, TimeUnit.NANOSECONDS);
        state = State.RUNNING;
        dispatcher = Threads.start("agentry-dispatcher", this::dispatchLoop);
        if (registry.types().isEmpty()) {
            log.warn("Runner {} has no agent type registered: it claims no task", options.nodeId());
        } else {
            log.info(
                    "Runner {} started with {} slots for agent types {}",
                    options.nodeId(),
                    options.slots(),
                    registry.types());
        }
    }

    /**
     * Stops claiming, lets running agents finish for up to the shutdown grace, then interrupts the
     * rest and gives their tasks back to the queue. Returns when the node holds no task.
     */
    public void stop() {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.DRAINING;
        }
        log.info("Runner {} draining: {} task(s) running", options.nodeId(), busySlots.get());
        LocalEnqueues.unsubscribe(enqueuedHere);
        wakeup.signal();
        completer.beat(); // tells the database this node is draining
        joinQuietly(dispatcher);
        releaseWaiting();
        if (!awaitIdle(options.shutdownGrace())) {
            log.warn("Shutdown grace passed with {} task(s) running; interrupting them", busySlots.get());
            held.values().forEach(attempt -> attempt.stopSignal.request(StopReason.SHUTDOWN));
            awaitIdle(Duration.ofSeconds(5));
        }
        workers.shutdown();
        completer.stop();
        heartbeats.cancel(false);
        listener.close();
        synchronized (this) {
            state = State.STOPPED;
        }
        try {
            releaseAbandoned();
            nodes.stopped(options.nodeId());
        } catch (RuntimeException e) {
            log.warn("Could not record the stop; held leases will expire and be rescued", e);
        }
        log.info("Runner {} stopped", options.nodeId());
    }

    /** Tasks claimed ahead that no slot has taken yet go straight back to the queue. */
    private void releaseWaiting() {
        List<Runnable> unstarted = new ArrayList<>();
        workers.getQueue().drainTo(unstarted);
        for (Runnable runnable : unstarted) {
            Attempt attempt = ((Run) runnable).attempt;
            waiting.decrementAndGet();
            completer.ended(Outcome.released(attempt.task, Attempt.NOT_STARTED));
        }
    }

    /** Agents that ignored the interrupt: give their tasks back so no lease has to run out. */
    private void releaseAbandoned() {
        List<Outcome> released = held.values().stream()
                .map(attempt -> Outcome.released(attempt.task, "released: agent did not stop at shutdown"))
                .toList();
        if (!released.isEmpty()) {
            leases.finish(released);
            held.clear();
        }
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
    }

    public RunnerStatus status() {
        return new RunnerStatus(
                options.nodeId(),
                state,
                options.slots(),
                busySlots.get(),
                held.size(),
                options.pollInterval(),
                listener != null && listener.isConnected());
    }

    /**
     * One dispatcher step, on the calling thread: claims up to the free slots, runs each claimed
     * task to the end, one after another, and writes the outcomes. Returns how many ran.
     */
    public int runOnce() {
        List<ClaimedTask> claimed = claim(options.slots());
        meters.claimed(claimed.size());
        for (ClaimedTask task : claimed) {
            Attempt attempt = hold(task);
            long started = clock.nanoTime();
            Optional<Outcome> outcome = attempt.run(timer, options.defaultTimeout());
            meters.attempted(clock.nanoTime() - started);
            report(attempt, outcome);
        }
        completer.flushNow();
        return claimed.size();
    }

    /** One heartbeat, on the calling thread: renews held leases and acts on what it learns. */
    public void heartbeatOnce() {
        Map<UUID, Integer> snapshot = new HashMap<>();
        held.forEach((id, attempt) -> snapshot.put(id, attempt.task.attempt()));
        Leases.Renewal renewal = leases.renew(snapshot, options.leaseTtl());
        for (UUID id : snapshot.keySet()) {
            Attempt attempt = held.get(id);
            if (attempt == null) {
                continue; // written meanwhile
            }
            if (!renewal.renewed().contains(id)) {
                attempt.stopSignal.request(StopReason.LEASE_LOST);
            } else if (renewal.cancelRequested().contains(id)) {
                attempt.stopSignal.request(StopReason.CANCELLED);
            }
        }
        if (state != State.STOPPED) {
            nodes.beat(options.nodeId(), state, held.size());
        }
    }

    private void heartbeatSafely() {
        try {
            heartbeatOnce();
        } catch (RuntimeException e) {
            if (!database.availability().unreachable("renewing leases", e)) {
                log.warn("Heartbeat failed; leases will be renewed on the next one", e);
            }
        }
    }

    /** The listener (re)connected: look for what was notified while nobody listened. */
    private void caughtUp() {
        wakeup.signal();
        completer.beat();
    }

    private void cancelRequested(UUID taskId) {
        Attempt attempt = held.get(taskId);
        if (attempt != null && attempt.stopSignal.request(StopReason.CANCELLED)) {
            log.info("Cancelling task {}", taskId);
        }
    }

    private void dispatchLoop() {
        Duration retryAfterError = Duration.ofMillis(100);
        while (state == State.RUNNING) {
            try {
                int wanted = claimable();
                if (wanted > 0) {
                    long asked = database.availability().asking();
                    int claimed = claimInto(wanted);
                    database.availability().answered(asked);
                    if (claimed == wanted) {
                        continue; // the queue may hold more
                    }
                }
                retryAfterError = Duration.ofMillis(100);
                wakeup.await(options.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!database.availability().unreachable("claiming tasks", e)) {
                    log.warn("Claim failed; retrying in {} ms", retryAfterError.toMillis(), e);
                }
                try {
                    wakeup.await(retryAfterError);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retryAfterError = retryAfterError.multipliedBy(2).compareTo(options.pollInterval()) > 0
                        ? options.pollInterval()
                        : retryAfterError.multipliedBy(2);
            }
        }
    }

    /**
     * How many tasks to claim now. A node holds at most its slots plus a prefetch allowance:
     * claimed tasks wait in a local buffer for a slot, so short tasks are claimed in batches
     * instead of one round trip per slot that frees. The allowance keeps the expected wait of
     * the buffer under {@link AverageDuration#PREFETCH_HORIZON}, from the average attempt duration: tasks of
     * microseconds get the whole {@code prefetch}, tasks of seconds get none, and no task waits
     * on a busy node while another node idles. Tasks whose outcome is still being written count
     * too, so the node never runs ahead of its completer. To avoid claiming one task at a time,
     * the dispatcher claims when a slot idles or half the capacity is free.
     */
    private int claimable() {
        int capacity = options.slots() + averageAttempt.prefetchAllowance(options.slots(), options.prefetch());
        int free = capacity - held.size(); // waiting, running, and finished but not yet written
        boolean slotIdle = waiting.get() == 0 && busySlots.get() < options.slots();
        return free > 0 && (slotIdle || free >= Math.max(1, capacity / 2)) ? free : 0;
    }

    private int claimInto(int wanted) {
        List<ClaimedTask> claimed = claim(wanted);
        meters.claimed(claimed.size());
        for (ClaimedTask task : claimed) {
            waiting.incrementAndGet();
            workers.execute(new Run(hold(task)));
        }
        return claimed.size();
    }

    /** Tasks of other agent types wait in the queue for a node that runs them. */
    private List<ClaimedTask> claim(int limit) {
        return leases.claim(options.nodeId(), registry.types(), limit, options.leaseTtl());
    }

    /** A claimed task is held (its lease renewed) from now until its outcome is written. */
    private Attempt hold(ClaimedTask task) {
        Attempt attempt = new Attempt(task, registry, sinks, database.dataSource(), clock, backoff);
        held.put(task.id(), attempt);
        return attempt;
    }

    /** A claimed task on its way to a slot. */
    private final class Run implements Runnable {
        final Attempt attempt;

        Run(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public void run() {
            waiting.decrementAndGet();
            busySlots.incrementAndGet();
            long started = clock.nanoTime();
            try {
                completer.started(attempt.task.id(), attempt.task.attempt());
                report(attempt, attempt.run(timer, options.defaultTimeout()));
            } finally {
                long ran = clock.nanoTime() - started;
                averageAttempt.add(ran);
                meters.attempted(ran);
                busySlots.decrementAndGet();
                synchronized (slotsFreed) {
                    slotsFreed.notifyAll();
                }
                wakeup.signal();
            }
        }
    }

    private void report(Attempt attempt, Optional<Outcome> outcome) {
        if (outcome.isPresent()) {
            completer.ended(outcome.get());
        } else {
            held.remove(attempt.task.id());
        }
    }

    /** An outcome committed: the task is no longer held. */
    private void written(Outcome outcome) {
        held.remove(outcome.taskId());
        meters.written(outcome.kind());
        wakeup.signal(); // capacity freed
        if (outcome.kind() == Outcome.Kind.RETRY && outcome.retryDelay().compareTo(options.pollInterval()) < 0) {
            // The retry falls due before the next poll: look for it then, not a poll later. The
            // margin covers the gap between the statement's now() and its commit.
            long wakeAt = outcome.retryDelay().toNanos() + TimeUnit.MILLISECONDS.toNanos(5);
            timer.schedule(wakeup::signal, wakeAt, TimeUnit.NANOSECONDS);
        }
    }

    private boolean awaitIdle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (slotsFreed) {
            while (busySlots.get() > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(slotsFreed, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
