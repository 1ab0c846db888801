package io.agentry.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A real PostgreSQL server whose data lives in {@code <data dir>/pg}, started from the zonky
 * binaries, made safe for keeping data (see docs/embedded-database.md).
 *
 * <p>One process owns a data directory at a time: the one holding its lock ({@link EmbeddedLock}).
 * The owner ({@link EmbeddedOwner}) recovers what a killed predecessor left, creates the cluster if
 * needed, starts the server and publishes its port. Any other process, or another caller in this
 * JVM, attaches to that server instead ({@link EmbeddedAttach}); it neither stops the server nor
 * releases anything on close.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final int port;
    private final String password;
    private final Optional<EmbeddedOwner> owner;

    private EmbeddedDatabase(int port, String password, Optional<EmbeddedOwner> owner) {
        this.port = port;
        this.password = password;
        this.owner = owner;
    }

    /**
     * Starts the server for {@code dataDir}, or attaches to the one another agentry process on the
     * same data directory already runs.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        EmbeddedDataDirectory directory = EmbeddedDataDirectory.prepare(dataDir);
        Optional<EmbeddedLock> lock = EmbeddedLock.tryAcquire(directory.lockFile());
        if (lock.isEmpty()) {
            EmbeddedAttach.Server server = EmbeddedAttach.attach(directory);
            return new EmbeddedDatabase(server.port(), server.password(), Optional.empty());
        }
        EmbeddedOwner owner = EmbeddedOwner.start(directory, lock.get());
        return new EmbeddedDatabase(owner.port(), owner.password(), Optional.of(owner));
    }

    /** A JDBC URL for {@code database} on this server (127.0.0.1, the current port). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return PgServer.SUPERUSER;
    }

    public String password() {
        return password;
    }

    /** True when this process started the server (and so stops it on close). */
    public boolean ownsServer() {
        return owner.isPresent();
    }

    /** Stops the server (fast shutdown) when this process owns it; otherwise only lets go of it. */
    @Override
    public void close() {
        owner.ifPresent(EmbeddedOwner::close);
    }
}
