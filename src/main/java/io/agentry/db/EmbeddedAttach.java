package io.agentry.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to the server another owner runs on a data directory (a {@code status} while {@code
 * serve} runs, say), through what it published in {@code server.properties}. When the lock is held
 * but no live, answering server is published, the error names the process holding the directory.
 */
final class EmbeddedAttach {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAttach.class);

    /** The server to connect to. */
    record Server(int port, String password) {}

    private EmbeddedAttach() {}

    static Server attach(EmbeddedDataDirectory dataDir) {
        OptionalLong holder = EmbeddedLock.holder(dataDir.lockFile());
        EmbeddedServerInfo info = EmbeddedServerInfo.readFrom(dataDir.serverInfo())
                .orElseThrow(
                        () -> inUse(dataDir, holder, "it has published no running server (is it still starting?)"));
        if (holder.isPresent() && holder.getAsLong() != info.pid()) {
            throw inUse(dataDir, holder, "it has not published its server yet (is it still starting?)");
        }
        if (!ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw inUse(dataDir, holder, "process " + info.pid() + ", which published the server, is gone");
        }
        String password = EmbeddedFiles.read(info.passwordFile()).strip();
        try {
            probe(info, password);
        } catch (SQLException e) {
            throw inUse(
                    dataDir, holder, "its server on 127.0.0.1:" + info.port() + " does not answer: " + e.getMessage());
        }
        log.info(
                "Attached to the PostgreSQL server of process {} on 127.0.0.1:{} for {}",
                info.pid(),
                info.port(),
                dataDir);
        return new Server(info.port(), password);
    }

    private static void probe(EmbeddedServerInfo info, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", info.user());
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        String url = "jdbc:postgresql://127.0.0.1:" + info.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private static IllegalStateException inUse(EmbeddedDataDirectory dataDir, OptionalLong holder, String reason) {
        String who = holder.isPresent() ? "process " + holder.getAsLong() : "another process";
        return new IllegalStateException("data directory " + dataDir + " is in use by " + who + ", but " + reason);
    }
}
