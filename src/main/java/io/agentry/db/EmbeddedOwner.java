package io.agentry.db;

import io.agentry.support.ShutdownHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's ownership of a data directory: the lock, the running server and its published
 * {@code server.properties}. Given back in the reverse order on close, or by a shutdown hook when
 * the JVM exits without closing: first the info (so nobody attaches to a server going down), then
 * the server, then the lock.
 */
final class EmbeddedOwner {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedOwner.class);

    private final EmbeddedDataDirectory dataDir;
    private final EmbeddedLock lock;
    private final PgServer server;
    private final String password;
    private final Runnable shutdownHook = this::stop;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedOwner(EmbeddedDataDirectory dataDir, EmbeddedLock lock, PgServer server, String password) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.server = server;
        this.password = password;
    }

    /** Starts the server of {@code dataDir}, whose lock the caller holds and hands over. */
    static EmbeddedOwner start(EmbeddedDataDirectory dataDir, EmbeddedLock lock) {
        PgServer server = null;
        try {
            long started = System.nanoTime();
            dataDir.rotateLogIfLarge();
            deleteIfExists(dataDir.serverInfo()); // published by an owner that died without closing
            recoverFromKilledOwner(dataDir);
            boolean initialised = PgClusterInit.ensureInitialised(dataDir);
            String password = readPassword(dataDir);
            server = PgServer.start(dataDir, dataDir.cluster(), password);
            dataDir.restrictBinaries();
            new EmbeddedServerInfo(
                            ProcessHandle.current().pid(), server.port(), PgServer.SUPERUSER, dataDir.passwordFile())
                    .writeTo(dataDir.serverInfo());
            EmbeddedOwner owner = new EmbeddedOwner(dataDir, lock, server, password);
            // After the application's own shutdown work, which may still need the database.
            ShutdownHooks.add(ShutdownHooks.DATABASE, owner.shutdownHook);
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

    int port() {
        return server.port();
    }

    String password() {
        return password;
    }

    void close() {
        ShutdownHooks.remove(shutdownHook); // during shutdown the hook runs stop() too; it runs once
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            deleteIfExists(dataDir.serverInfo());
        } finally {
            try {
                server.close();
                log.info("Stopped PostgreSQL in {}", dataDir.cluster());
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
