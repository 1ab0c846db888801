package io.agentry.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Finds the server another owner runs on a data directory (a {@code status} while {@code serve}
 * runs, say), through what it published in {@code server.properties}: it must be published by the
 * process holding the lock, that process must be alive, and the server must answer.
 */
final class EmbeddedAttach {

    /** A server that answers, or why there is none to use (yet). */
    record Lookup(Optional<EmbeddedEndpoint> server, String unavailable) {
        private static Lookup unavailable(String reason) {
            return new Lookup(Optional.empty(), reason);
        }
    }

    private EmbeddedAttach() {}

    static Lookup lookup(EmbeddedDataDirectory dataDir) {
        Optional<EmbeddedServerInfo> published = EmbeddedServerInfo.readFrom(dataDir.serverInfo());
        if (published.isEmpty()) {
            return Lookup.unavailable("it has published no running server (is it still starting?)");
        }
        EmbeddedServerInfo info = published.get();
        OptionalLong holder = EmbeddedLock.holder(dataDir.lockFile());
        if (holder.isPresent() && holder.getAsLong() != info.pid()) {
            return Lookup.unavailable("it has not published its server yet (is it still starting?)");
        }
        if (!ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return Lookup.unavailable("process " + info.pid() + ", which published the server, is gone");
        }
        EmbeddedEndpoint server = new EmbeddedEndpoint(
                info.port(), EmbeddedFiles.read(info.passwordFile()).strip());
        try {
            probe(server);
        } catch (SQLException e) {
            return Lookup.unavailable("its server on " + server + " does not answer: " + e.getMessage());
        }
        return new Lookup(Optional.of(server), null);
    }

    private static void probe(EmbeddedEndpoint server) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        try (Connection connection = server.connect("postgres", properties);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** Who holds {@code dataDir}, for messages: "process 4242". */
    static String holder(EmbeddedDataDirectory dataDir) {
        OptionalLong holder = EmbeddedLock.holder(dataDir.lockFile());
        return holder.isPresent() ? "process " + holder.getAsLong() : "another process";
    }

    static IllegalStateException inUse(EmbeddedDataDirectory dataDir, String reason, Duration waited) {
        return new IllegalStateException("data directory " + dataDir + " is in use by " + holder(dataDir) + ", but "
                + reason + "; waited " + waited.toSeconds() + " s for it");
    }
}
