package io.agentry.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose data lives in {@code <data dir>/pg}, started from the zonky
 * binaries, made safe for keeping data (see docs/embedded-database.md).
 *
 * <p>One process owns a data directory at a time: the one holding its lock ({@link EmbeddedLock}).
 * The owner ({@link EmbeddedOwner}) recovers what a killed predecessor left, creates the cluster if
 * needed, starts the server, publishes its port and restarts it should it die. Any other process,
 * or another caller in this JVM, attaches to that server instead ({@link EmbeddedAttach}); it
 * neither stops the server nor releases anything on close. While the holder of the lock is still
 * starting its server, the others wait for it.
 *
 * <p>Owners come and go, so nothing here keeps a port: every connection is made through {@link
 * #connect}, which asks where the server is now. When the server cannot be reached, an owner waits
 * for its own restart; an attached process looks for the server again, which takes it over when
 * its owner has gone (the lock is free), or attaches to the new owner's.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** How long to wait for another process that holds the lock to get its server running. */
    static final Duration OWNER_WAIT = Duration.ofSeconds(60);
    /** How long a connection waits for this process's own server while it is restarted. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(200);

    private final EmbeddedDataDirectory dataDir;
    private final Duration ownerWait;
    private final Object finding = new Object(); // one search for the server at a time
    private final List<Consumer<String>> lostListeners = new ArrayList<>(); // guarded by this
    private volatile boolean closed;
    private EmbeddedOwner owner; // guarded by this; set when this process runs the server
    private EmbeddedEndpoint attached; // guarded by this; set when another process runs it
    private String lost; // guarded by this; why the server is gone for good

    private EmbeddedDatabase(EmbeddedDataDirectory dataDir, Duration ownerWait) {
        this.dataDir = dataDir;
        this.ownerWait = ownerWait;
    }

    /**
     * Starts the server for {@code dataDir}, creating the cluster if there is none, or attaches to
     * the one another agentry process on the same data directory runs.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, OWNER_WAIT);
    }

    /** As {@link #start(Path)}, waiting up to {@code ownerWait} for an owner still starting. */
    static EmbeddedDatabase start(Path dataDir, Duration ownerWait) {
        return open(EmbeddedDataDirectory.prepare(dataDir), ownerWait);
    }

    /**
     * As {@link #start(Path)} for a data directory that already holds a cluster; creates nothing.
     *
     * @throws NoAgentryDataException when it holds none
     */
    static EmbeddedDatabase openExisting(Path dataDir) {
        return open(EmbeddedDataDirectory.existing(dataDir, OWNER_WAIT), OWNER_WAIT);
    }

    private static EmbeddedDatabase open(EmbeddedDataDirectory dataDir, Duration ownerWait) {
        EmbeddedDatabase database = new EmbeddedDatabase(dataDir, ownerWait);
        synchronized (database.finding) {
            database.find();
        }
        return database;
    }

    /**
     * Runs the server when the lock is free, or attaches to the one its holder published; waits
     * while the holder is still starting it, or restarting it.
     */
    private void find() {
        Deadline deadline = Deadline.after(ownerWait);
        boolean waiting = false;
        while (!closed) {
            Optional<EmbeddedLock> lock = EmbeddedLock.tryAcquire(dataDir.lockFile());
            if (lock.isPresent()) {
                use(EmbeddedOwner.start(dataDir, lock.get(), this::serverLost), null);
                return;
            }
            EmbeddedAttach.Lookup lookup = EmbeddedAttach.lookup(dataDir);
            if (lookup.server().isPresent()) {
                use(null, lookup.server().get());
                log.info(
                        "Attached to the PostgreSQL server on {} for {}",
                        lookup.server().get(),
                        dataDir);
                return;
            }
            if (!waiting) {
                waiting = true;
                log.info(
                        "Waiting up to {} s for {}, which holds {}: {}",
                        ownerWait.toSeconds(),
                        EmbeddedAttach.holder(dataDir),
                        dataDir,
                        lookup.unavailable());
            }
            if (!deadline.pause(POLL)) {
                throw EmbeddedAttach.inUse(dataDir, lookup.unavailable(), ownerWait);
            }
        }
        throw new IllegalStateException("the embedded database of " + dataDir + " is closed");
    }

    private void use(EmbeddedOwner started, EmbeddedEndpoint found) {
        synchronized (this) {
            if (!closed) {
                owner = started;
                attached = found;
                return;
            }
        }
        if (started != null) {
            started.close(); // closed while it was starting
        }
        throw new IllegalStateException("the embedded database of " + dataDir + " is closed");
    }

    /**
     * A connection to {@code database} with {@code properties} (the login is added). When the
     * server cannot be reached, it is looked for once more: after a restart, or a new owner.
     */
    Connection connect(String database, Properties properties) throws SQLException {
        EmbeddedEndpoint endpoint = endpoint();
        try {
            return endpoint.connect(database, properties);
        } catch (SQLException e) {
            if (!Availability.isConnectionFailure(e)) {
                throw e;
            }
            return reconnect(endpoint, e).connect(database, properties);
        }
    }

    private EmbeddedEndpoint endpoint() throws SQLException {
        EmbeddedOwner running;
        synchronized (this) {
            if (closed) {
                throw new SQLException("the embedded database of " + dataDir + " is closed", "08003");
            }
            if (owner == null) {
                return attached;
            }
            running = owner;
        }
        return running.endpoint(RESTART_WAIT);
    }

    private EmbeddedEndpoint reconnect(EmbeddedEndpoint failed, SQLException failure) throws SQLException {
        synchronized (finding) {
            if (attachedTo(failed)) {
                log.info(
                        "The PostgreSQL server on {} for {} cannot be reached ({}); looking for it again",
                        failed,
                        dataDir,
                        failure.getMessage());
                try {
                    find();
                } catch (RuntimeException e) { // no server to be found: to the caller, a failed connection
                    throw new SQLException(e.getMessage(), "08001", e);
                }
            }
        }
        return endpoint(); // an owner waits there for its own restart
    }

    /** True while this process is attached to {@code endpoint}, not found again since. */
    private synchronized boolean attachedTo(EmbeddedEndpoint endpoint) {
        return !closed && owner == null && endpoint.equals(attached);
    }

    /** Why the server is gone for good (the owner's restarts kept failing): to every listener, once. */
    private void serverLost(String reason) {
        List<Consumer<String>> listeners;
        synchronized (this) {
            lost = reason;
            listeners = List.copyOf(lostListeners);
        }
        listeners.forEach(listener -> listener.accept(reason));
    }

    /**
     * Runs {@code listener} with one line saying why, if this process's server stopped and could
     * not be restarted; at once if that already happened.
     */
    void whenLost(Consumer<String> listener) {
        String reason;
        synchronized (this) {
            reason = lost;
            if (reason == null) {
                lostListeners.add(listener);
            }
        }
        if (reason != null) {
            listener.accept(reason);
        }
    }

    /** A JDBC URL for {@code database} on the server as last seen (127.0.0.1, its port). */
    public String jdbcUrl(String database) {
        return current().jdbcUrl(database);
    }

    public String user() {
        return PgServer.SUPERUSER;
    }

    public String password() {
        return current().password();
    }

    private synchronized EmbeddedEndpoint current() {
        return owner != null ? owner.lastEndpoint() : attached;
    }

    /** True when this process runs the server (and so stops it on close). */
    public synchronized boolean ownsServer() {
        return owner != null;
    }

    /** Stops the server (fast shutdown) when this process owns it; otherwise only lets go of it. */
    @Override
    public void close() {
        closed = true;
        EmbeddedOwner running;
        synchronized (this) {
            running = owner;
        }
        if (running != null) {
            running.close();
        }
    }
}
