package io.agentry.runner;

import io.agentry.db.Availability;
import io.agentry.db.Database;
import io.agentry.db.LeaderLock;
import io.agentry.queue.Leases;
import io.agentry.queue.TaskQueue;
import io.agentry.support.Threads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's housekeeping: return expired leases to the queue (the rescuer), prune completed
 * tasks past their retention, forget long-silent nodes. Every node runs one; only the node that
 * holds the leader lock does the work, so a dead leader is replaced within one interval.
 */
public final class Maintenance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    private static final long LEADER_KEY = 0x4147_454E_5452_5901L; // "AGENTRY" + role 1
    private static final int BATCH = 1_000;

    /**
     * Checked on construction: an {@link IllegalArgumentException} names the field out of range.
     *
     * @param interval how often the leader looks for expired leases (default 5 s; at most 1 h)
     * @param retention how long completed tasks are kept before pruning (default 7 days; at most
     *     3650 days)
     */
    public record Options(Duration interval, Duration retention) {
        public Options {
            OptionLimits.requirePositive("interval", interval, Duration.ofHours(1));
            OptionLimits.requirePositive("retention", retention, Duration.ofDays(3_650));
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Duration.ofDays(7));
        }
    }

    /** What one pass did; all zero when this node is not the leader. */
    public record Pass(boolean leader, int returnedToPending, int ended, int pruned) {}

    private final Options options;
    private final Leases leases;
    private final TaskQueue queue;
    private final NodeRegistry nodes;
    private final LeaderLock lock;
    private final Availability availability;
    private ScheduledExecutorService timer;

    public Maintenance(Database database, Options options) {
        this.options = options;
        // The rescuer is not a runner: its statement runs on the main pool, with the planner's
        // defaults, not on the queue pool that Database.queueDataSource() keeps for runners.
        this.leases = new Leases(database.dataSource());
        this.queue = new TaskQueue(database.dataSource());
        this.nodes = new NodeRegistry(database.dataSource());
        this.lock = new LeaderLock(database, LEADER_KEY);
        this.availability = database.availability();
    }

    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(Threads.factory("agentry-maintenance"));
            long every = options.interval().toNanos();
            timer.scheduleWithFixedDelay(this::runSafely, 0, every, TimeUnit.NANOSECONDS);
        }
    }

    /** One pass, on the calling thread. */
    public Pass runOnce() {
        if (!lock.tryLead()) {
            return new Pass(false, 0, 0, 0);
        }
        int returned = 0;
        int ended = 0;
        Leases.Rescue rescue;
        do {
            rescue = leases.rescueExpired(BATCH);
            returned += rescue.returnedToPending();
            ended += rescue.ended();
        } while (rescue.total() == BATCH);
        int pruned = 0;
        int deleted;
        do {
            deleted = queue.pruneCompleted(options.retention(), BATCH);
            pruned += deleted;
        } while (deleted == BATCH);
        nodes.forget(options.retention());
        if (returned + ended > 0) {
            log.info(
                    "Rescued {} task(s) with expired leases: {} back to pending, {} ended",
                    returned + ended,
                    returned,
                    ended);
        }
        return new Pass(true, returned, ended, pruned);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            if (!availability.unreachable("the leader's maintenance", e)) {
                log.warn("Maintenance pass failed; next one in {}", options.interval(), e);
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
        lock.close();
    }
}
