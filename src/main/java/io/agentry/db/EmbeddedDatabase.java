package io.agentry.db;

import java.nio.file.Path;

/**
 * A real PostgreSQL server whose data lives in {@code <data dir>/pg}, started from the zonky
 * binaries, made safe for keeping data (see docs/embedded-database.md).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /**
     * Starts the server for {@code dataDir}, or attaches to the one another agentry process on the
     * same data directory already runs.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        throw new IllegalStateException("not built yet");
    }

    /** A JDBC URL for {@code database} on this server (127.0.0.1, the current port). */
    public String jdbcUrl(String database) {
        throw new IllegalStateException("not built yet");
    }

    public String user() {
        throw new IllegalStateException("not built yet");
    }

    public String password() {
        throw new IllegalStateException("not built yet");
    }

    /** True when this process started the server (and so stops it on close). */
    public boolean ownsServer() {
        throw new IllegalStateException("not built yet");
    }

    @Override
    public void close() {}
}
