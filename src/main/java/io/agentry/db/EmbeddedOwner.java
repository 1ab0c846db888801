package io.agentry.db;

import io.agentry.support.ShutdownHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's ownership of a data directory: the lock, the running server (kept running by a
 * {@link PgSupervisor}) and its published {@code server.properties}. Given back in the reverse
 * order on close, or by a shutdown hook when the JVM exits without closing: first the supervision
 * (no restart after this), then the info (so nobody attaches to a server going down), then the
 * server, then the lock.
 */
final class EmbeddedOwner {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedOwner.class);

    private final EmbeddedDataDirectory dataDir;
    private final EmbeddedLock lock;
    private final PgSupervisor supervisor;
    private final Runnable shutdownHook = this::stop;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedOwner(
            EmbeddedDataDirectory dataDir,
            EmbeddedLock lock,
            PgServer server,
            String password,
            Consumer<String> onLost) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.supervisor = new PgSupervisor(dataDir, server, password, this::publish, reason -> {
            deleteIfExists(dataDir.serverInfo()); // no server left to attach to
            onLost.accept(reason);
        });
    }

    /**
     * Starts the server of {@code dataDir}, whose lock the caller holds and hands over, and keeps it
     * running; {@code onLost} hears, once, if it dies and cannot be started again.
     */
    static EmbeddedOwner start(EmbeddedDataDirectory dataDir, EmbeddedLock lock, Consumer<String> onLost) {
        PgServer server = null;
        try {
            long started = System.nanoTime();
            dataDir.rotateLogIfLarge();
            deleteIfExists(dataDir.serverInfo()); // published by an owner that died without closing
            recoverFromKilledOwner(dataDir);
            boolean initialised = PgClusterInit.ensureInitialised(dataDir);
            String password = readPassword(dataDir);
            server = PgServer.start(dataDir, dataDir.cluster(), password, PgServer.ANY_PORT);
            dataDir.restrictBinaries();
            EmbeddedOwner owner = new EmbeddedOwner(dataDir, lock, server, password, onLost);
            owner.publish(server.port());
            // After the application's own shutdown work, which may still need the database.
            ShutdownHooks.add(ShutdownHooks.DATABASE, owner.shutdownHook);
            owner.supervisor.start();
            log.info(
                    "{} PostgreSQL in {} on 127.0.0.1:{} in {} ms",
                    initialised ? "Initialised a new cluster and started" : "Started",
                    dataDir.cluster(),
                    server.port(),
                    (System.nanoTime() - started) / 1_000_000);
            return owner;
        } catch (RuntimeException e) {
            giveBack(server, lock, e);
            throw e;
        }
    }

    private static void recoverFromKilledOwner(EmbeddedDataDirectory dataDir) {
        PgShutdown.Cleared cleared = PgShutdown.clear(dataDir.cluster(), dataDir.logFile());
        switch (cleared.outcome()) {
            case STOPPED_ORPHAN ->
                log.warn(
                        "Recovered {}: stopped PostgreSQL (pid {}), left running by a process that died without stopping it",
                        dataDir.cluster(),
                        cleared.pid());
            case REMOVED_STALE_PID_FILE ->
                log.info(
                        "Removed a stale postmaster.pid from {}: pid {} is not a server of this cluster, so not signalled",
                        dataDir.cluster(),
                        cleared.pid());
            case NOTHING_RUNNING -> {}
        }
    }

    private static String readPassword(EmbeddedDataDirectory dataDir) {
        if (!Files.isRegularFile(dataDir.passwordFile())) {
            throw new IllegalStateException("the password file " + dataDir.passwordFile() + " is missing, and the "
                    + "cluster in " + dataDir.cluster() + " cannot be opened without it; restore the file, or move "
                    + dataDir.cluster() + " away to start with an empty database");
        }
        return EmbeddedFiles.read(dataDir.passwordFile()).strip();
    }

    private static void giveBack(PgServer server, EmbeddedLock lock, RuntimeException failure) {
        try {
            if (server != null) {
                server.close();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            try {
                lock.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The server to connect to; while it is being restarted, waits up to {@code wait} for it. */
    EmbeddedEndpoint endpoint(Duration wait) throws SQLException {
        return supervisor.endpoint(wait);
    }

    /** The latest server's endpoint, whether or not it runs right now. */
    EmbeddedEndpoint lastEndpoint() {
        return supervisor.lastEndpoint();
    }

    private void publish(int port) {
        new EmbeddedServerInfo(ProcessHandle.current().pid(), port, PgServer.SUPERUSER, dataDir.passwordFile())
                .writeTo(dataDir.serverInfo());
    }

    void close() {
        ShutdownHooks.remove(shutdownHook); // during shutdown the hook runs stop() too; it runs once
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        PgServer server = supervisor.release();
        try {
            deleteIfExists(dataDir.serverInfo());
        } finally {
            try {
                if (server != null) {
                    server.close(); // if it died meanwhile, only lets go of it
                    log.info("Stopped PostgreSQL in {}", dataDir.cluster());
                }
            } finally {
                lock.close();
            }
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
