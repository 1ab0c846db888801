package io.agentry.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, as this process's threads find out. When the server restarts or
 * the network drops, every thread that uses the database fails, and fails again at each retry
 * until it is back: the log says so once when the database stops answering and once when it
 * answers again, rather than a stack trace per thread and retry. Failures of any other kind are
 * not this class's business: their callers report them.
 */
public final class Availability {
    private static final Logger log = LoggerFactory.getLogger(Availability.class);
    private static final long ANSWERING = Long.MIN_VALUE;

    private final String server;
    private final AtomicLong downSince = new AtomicLong(ANSWERING);

    Availability(String server) {
        this.server = server;
    }

    /**
     * True when {@code failure} means the database cannot be reached (a refused or broken
     * connection, a server shutting down or starting up), after saying so in the log if nobody
     * has since it last answered; false for any other failure, which the caller reports.
     *
     * @param doing what the thread was doing, for the log: "claiming tasks"
     */
    public boolean unreachable(String doing, Throwable failure) {
        if (!isConnectionFailure(failure)) {
            return false;
        }
        if (downSince.compareAndSet(ANSWERING, System.nanoTime())) {
            log.warn(
                    "The database ({}) does not answer ({} failed: {}); retrying until it does",
                    server,
                    doing,
                    failure.getMessage());
        } else {
            log.debug("The database still does not answer ({} failed)", doing, failure);
        }
        return true;
    }

    /** When a call to the database starts: what to give {@link #answered} once it succeeded. */
    public long asking() {
        return System.nanoTime();
    }

    /**
     * A call that started at {@code asked} ({@link #asking}) succeeded: if the database had
     * stopped answering before that call started, the log says it is back. A call already on its
     * way when the database stopped answering proves nothing about it now.
     */
    public void answered(long asked) {
        long since = downSince.get();
        if (since != ANSWERING && asked - since > 0 && downSince.compareAndSet(since, ANSWERING)) {
            log.info(
                    "The database ({}) answers again, after {} ms",
                    server,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
        }
    }

    /**
     * Whether {@code failure} says the server is not there, any more or yet: SQLSTATE class 08
     * (connection exception), 57P01-57P03 (the server is shutting down, crashed, or cannot accept
     * connections yet), or the pool's timeout waiting for a connection. The one test of it: it
     * also decides when a process looks for its embedded server again.
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03");
            }
        }
        return false;
    }
}
