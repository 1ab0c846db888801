package io.agentry.schedule;

import io.agentry.db.Availability;
import io.agentry.db.Database;
import io.agentry.db.LeaderLock;
import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the agents' due schedules. Every node runs one; only the node holding the scheduler's
 * leader lock (an advisory lock of its own, apart from the maintenance leader's, so the two roles
 * may sit on different nodes) ticks. A dead leader's lock frees itself with its session and
 * another node ticks from its next interval on. Each tick reads "now" from the injected clock and
 * works in batches, one transaction each, until no schedule is due: see {@link ScheduleTick} for
 * why a slot cannot fire twice even if two nodes tick at once.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final long LEADER_KEY = 0x4147_454E_5452_5902L; // "AGENTRY" + role 2

    /**
     * Checked on construction: an {@link IllegalArgumentException} names the field out of range.
     *
     * @param interval how often the leader looks for due schedules (default 1 s; 100 ms to 1 min).
     *     A fire starts at most this long after its time.
     * @param batch how many due agents one transaction fires (default 1,000; 1 to 100,000); a tick
     *     runs batches until none is due
     */
    public record Options(Duration interval, int batch) {
        public Options {
            Objects.requireNonNull(interval, "interval is required");
            if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("interval must be between 100ms and 1m, was " + interval);
            }
            if (batch < 1 || batch > 100_000) {
                throw new IllegalArgumentException("batch must be between 1 and 100000, was " + batch);
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), 1_000);
        }
    }

    /**
     * What one tick did; all zero when this node is not the leader.
     *
     * @param due agents whose fire time had come
     * @param fired fires that started a run (one per active stream of an agent, or one without)
     * @param skipped fires recorded as skipped, their previous run still going
     */
    public record Tick(boolean leader, int due, int fired, int skipped) {}

    private final Options options;
    private final Clock clock;
    private final BooleanSupplier leads;
    private final Runnable release;
    private final Availability availability;
    private final ScheduleTick tick;
    private ScheduledExecutorService timer;

    public Scheduler(Database database, Options options, Clock clock) {
        this(database.dataSource(), new LeaderLock(database, LEADER_KEY), database.availability(), options, clock);
    }

    private Scheduler(DataSource dataSource, LeaderLock lock, Availability availability, Options options, Clock clock) {
        this(dataSource, lock::tryLead, lock::close, availability, options, clock);
    }

    /**
     * For tests that play several leaders at once: {@code leads} says whether this one leads,
     * {@code release} gives up leadership on close.
     */
    Scheduler(
            DataSource dataSource,
            BooleanSupplier leads,
            Runnable release,
            Availability availability,
            Options options,
            Clock clock) {
        this.options = options;
        this.clock = clock;
        this.leads = leads;
        this.release = release;
        this.availability = availability;
        this.tick = new ScheduleTick(dataSource);
    }

    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(Threads.factory("agentry-scheduler"));
            long every = options.interval().toNanos();
            timer.scheduleWithFixedDelay(this::runSafely, 0, every, TimeUnit.NANOSECONDS);
        }
    }

    /** One tick, on the calling thread, at the clock's now. */
    public Tick runOnce() {
        if (!leads.getAsBoolean()) {
            return new Tick(false, 0, 0, 0);
        }
        Instant now = clock.now();
        int due = 0;
        int fired = 0;
        int skipped = 0;
        ScheduleTick.Batch batch;
        do {
            batch = tick.run(now, options.batch());
            due += batch.due();
            fired += batch.fired();
            skipped += batch.skipped();
        } while (batch.due() == options.batch());
        if (due > 0) {
            log.info("Schedules due: {}; runs started: {}; skipped, previous run still going: {}", due, fired, skipped);
        }
        return new Tick(true, due, fired, skipped);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            if (availability == null || !availability.unreachable("the scheduler", e)) {
                log.warn("Scheduler tick failed; next one in {}", options.interval(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
        release.run();
    }
}
