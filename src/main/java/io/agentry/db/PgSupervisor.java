package io.agentry.db;

import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the owner's postgres running. pg_ctl daemonises the postmaster, so it is not our child and
 * nobody tells us when it exits: a thread looks at it every 250 ms. When it is gone (killed,
 * crashed, stopped by hand), the thread clears what it left behind (its pid file, and children
 * still holding its shared memory) and starts it again, on the same port if it can; crash
 * recovery replays the WAL. Connections asked for meanwhile wait for it ({@link #endpoint}).
 * When the {@link RestartBudget} is spent, it gives up and says why to {@code onLost}, once.
 *
 * <p>The state changes under this object's monitor; the starts run outside it. {@link #release}
 * waits for a start in progress, and a start that finishes after the release began stops its own
 * server again: once released, no server of ours runs unless the caller got it back.
 */
final class PgSupervisor {
    private static final Logger log = LoggerFactory.getLogger(PgSupervisor.class);
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private enum State {
        RUNNING,
        RESTARTING,
        FAILED,
        RELEASED
    }

    private final EmbeddedDataDirectory dataDir;
    private final String password;
    private final IntConsumer onRestarted;
    private final Consumer<String> onLost;
    private final CountDownLatch releasing = new CountDownLatch(1);
    private final RestartBudget restarts = new RestartBudget(Clock.system());
    private PgServer server; // guarded by this; null while none runs
    private int port; // guarded by this; the latest server's
    private State state = State.RUNNING; // guarded by this

    /**
     * @param onRestarted hears the port of each restarted server
     * @param onLost hears, once, why the server is gone for good
     */
    PgSupervisor(
            EmbeddedDataDirectory dataDir,
            PgServer server,
            String password,
            IntConsumer onRestarted,
            Consumer<String> onLost) {
        this.dataDir = dataDir;
        this.server = server;
        this.port = server.port();
        this.password = password;
        this.onRestarted = onRestarted;
        this.onLost = onLost;
    }

    void start() {
        Threads.start("agentry-pg-supervisor", this::supervise);
    }

    /**
     * The server to connect to. While it is being restarted, or has died and is about to be,
     * waits up to {@code wait} for it.
     */
    synchronized EmbeddedEndpoint endpoint(Duration wait) throws SQLException {
        Deadline deadline = Deadline.after(wait);
        while ((state == State.RESTARTING || (state == State.RUNNING && !server.isRunning())) && !deadline.passed()) {
            try {
                wait(50); // woken by every change of state; a death not noticed yet is polled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for PostgreSQL in " + dataDir.cluster(), "08001", e);
            }
        }
        if (state != State.RUNNING) {
            String why = switch (state) {
                case RESTARTING -> "is still being restarted";
                case FAILED -> "stopped and could not be restarted";
                default -> "was stopped";
            };
            throw new SQLException("PostgreSQL in " + dataDir.cluster() + " " + why, "08001");
        }
        return new EmbeddedEndpoint(port, password);
    }

    /** The latest server's endpoint, whether or not it runs right now. */
    synchronized EmbeddedEndpoint lastEndpoint() {
        return new EmbeddedEndpoint(port, password);
    }

    /**
     * Ends the supervision, after a restart in progress, and hands over the server for the caller
     * to stop: null when none runs. Only the first call gets it.
     */
    PgServer release() {
        releasing.countDown();
        synchronized (this) {
            while (state == State.RESTARTING) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            PgServer last = server;
            server = null;
            state = State.RELEASED;
            notifyAll();
            return last;
        }
    }

    private void supervise() {
        String lost;
        try {
            lost = watch();
        } catch (RuntimeException e) { // the thread's boundary: unwatched, a dead server would go unnoticed
            log.error("Supervising PostgreSQL in {} failed", dataDir.cluster(), e);
            lost = "supervising it failed: " + e;
        }
        if (lost != null) {
            giveUp(lost);
        }
    }

    /** Restarts the server whenever it died; returns why it gave up, or null once released. */
    private String watch() {
        while (!await(INTERVAL)) {
            PgServer died = takeIfDied();
            if (died == null) {
                continue;
            }
            log.warn("PostgreSQL in {} (pid {}) exited unexpectedly; restarting", dataDir.cluster(), died.pid());
            died.abandon();
            String lost = restart(died.port());
            if (lost != null) {
                return lost;
            }
        }
        return null;
    }

    private synchronized PgServer takeIfDied() {
        if (state != State.RUNNING || server.isRunning()) {
            return null;
        }
        state = State.RESTARTING;
        PgServer died = server;
        server = null;
        return died;
    }

    /**
     * Starts the server until it runs, or until the budget is spent: then returns why the last try
     * failed. Returns null, too, when released meanwhile.
     */
    private String restart(int previousPort) {
        long began = System.nanoTime();
        String failure = "it exited again after each restart; see " + dataDir.logFile();
        for (int failures = 0; restarts.take(); ) {
            try {
                PgShutdown.clear(dataDir.cluster(), dataDir.logFile());
                // The same port keeps what other processes know valid; after a failure, any port.
                int tryPort = failures == 0 ? previousPort : PgServer.ANY_PORT;
                install(PgServer.start(dataDir, dataDir.cluster(), password, tryPort), began);
                return null;
            } catch (RuntimeException e) { // whatever made this try fail, the next one may succeed
                failures++;
                failure = e instanceof PgStartException start ? start.reason() : e.getMessage();
                log.warn("Restarting PostgreSQL in {} failed (try {}): {}", dataDir.cluster(), failures, failure);
            }
            if (!restarts.hasLeft()) {
                break;
            }
            if (await(RestartBudget.pauseAfter(failures))) {
                setState(State.RELEASED);
                return null;
            }
        }
        return failure;
    }

    private void install(PgServer fresh, long began) {
        synchronized (this) {
            if (releasing.getCount() > 0) {
                server = fresh;
                port = fresh.port();
                state = State.RUNNING;
                notifyAll();
                onRestarted.accept(port);
                log.info(
                        "Restarted PostgreSQL in {} on 127.0.0.1:{} in {} ms",
                        dataDir.cluster(),
                        port,
                        (System.nanoTime() - began) / 1_000_000);
                return;
            }
        }
        fresh.close(); // released meanwhile: release() waits for this
        setState(State.RELEASED);
    }

    private void giveUp(String reason) {
        synchronized (this) {
            if (state == State.RELEASED) {
                return;
            }
            state = State.FAILED;
            notifyAll();
        }
        String message = "the embedded PostgreSQL in " + dataDir.cluster() + " stopped and could not be restarted ("
                + RestartBudget.describe() + "): " + reason;
        log.error(message);
        onLost.accept(message);
    }

    private synchronized void setState(State next) {
        state = next;
        notifyAll();
    }

    /** Waits for {@code time}; true when released meanwhile. */
    private boolean await(Duration time) {
        try {
            return releasing.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
