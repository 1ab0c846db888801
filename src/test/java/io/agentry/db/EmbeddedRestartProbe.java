package io.agentry.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Properties;

/**
 * How docs/embedded-database.md measures a restart: kills the postmaster of a running data
 * directory with SIGKILL, then tries every 20 ms to log in on the published port and run a query,
 * until the server answering was started after the kill. Prints how long that took.
 *
 * <pre>
 * java -cp target/agentry.jar:target/test-classes io.agentry.db.EmbeddedRestartProbe DATA_DIR
 * </pre>
 */
public final class EmbeddedRestartProbe {
    private EmbeddedRestartProbe() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        String password = EmbeddedFiles.read(dataDir.resolve("password")).strip();
        long killed = PgPidFile.in(dataDir.resolve("pg")).orElseThrow().pid();
        Timestamp killedAt = new Timestamp(System.currentTimeMillis());
        long started = System.nanoTime();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        while (!answersSince(dataDir, password, killedAt)) {
            Thread.sleep(20);
        }
        System.out.printf(
                "killed pid %d; a login and a query work again after %d ms%n",
                killed, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean answersSince(Path dataDir, String password, Timestamp killedAt) {
        try {
            EmbeddedServerInfo info = EmbeddedServerInfo.readFrom(dataDir.resolve("server.properties"))
                    .orElseThrow(() -> new SQLException("no server published"));
            Properties properties = new Properties();
            properties.setProperty("connectTimeout", "1");
            try (Connection connection = new EmbeddedEndpoint(info.port(), password).connect("postgres", properties);
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT pg_postmaster_start_time()")) {
                rs.next();
                return rs.getTimestamp(1).after(killedAt); // not the dying postmaster
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
