package io.agentry.runner;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** The {@code runner_nodes} table: each node's row, kept current by its heartbeat. */
public final class NodeRegistry {
    private static final String REGISTER = """
            INSERT INTO runner_nodes (node_id, hostname, pid, status, slots)
            VALUES (?, ?, ?, 'running', ?)
            ON CONFLICT (node_id) DO UPDATE
            SET status = 'running', slots = excluded.slots, in_flight = 0, started_at = now(),
                heartbeat_at = now(), stopped_at = NULL
            """;

    private static final String BEAT = """
            UPDATE runner_nodes SET status = ?, in_flight = ?, heartbeat_at = now() WHERE node_id = ?
            """;

    private static final String STOPPED = """
            UPDATE runner_nodes SET status = 'stopped', in_flight = 0, heartbeat_at = now(), stopped_at = now()
            WHERE node_id = ?
            """;

    private static final String LIST = """
            SELECT node_id, hostname, pid, slots, in_flight, started_at, heartbeat_at,
                   status <> 'stopped' AND heartbeat_at < now() - make_interval(secs => ?) AS lost,
                   status
            FROM runner_nodes
            WHERE status <> 'stopped' OR stopped_at > now() - interval '1 day'
            ORDER BY started_at
            """;

    private static final String FORGET = """
            DELETE FROM runner_nodes
            WHERE heartbeat_at < now() - make_interval(secs => ?)
            """;

    private final DataSource dataSource;

    public NodeRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(String nodeId, String hostname, long pid, int slots) {
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(REGISTER)) {
                statement.setString(1, nodeId);
                statement.setString(2, hostname);
                statement.setLong(3, pid);
                statement.setInt(4, slots);
                return statement.executeUpdate();
            }
        });
    }

    void beat(String nodeId, Runner.State state, int inFlight) {
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(BEAT)) {
                statement.setString(1, state.name().toLowerCase(Locale.ROOT));
                statement.setInt(2, inFlight);
                statement.setString(3, nodeId);
                return statement.executeUpdate();
            }
        });
    }

    void stopped(String nodeId) {
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(STOPPED)) {
                statement.setString(1, nodeId);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The nodes running now or stopped within the last day. A node whose last heartbeat is older
     * than {@code silentAfter} is reported stopped and lost: it died or was cut off, and the
     * rescuer takes its tasks back when their leases run out.
     */
    public List<NodeStatus> list(Duration silentAfter) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                statement.setDouble(1, silentAfter.toMillis() / 1000.0);
                List<NodeStatus> nodes = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        boolean lost = rs.getBoolean("lost");
                        nodes.add(new NodeStatus(
                                rs.getString("node_id"),
                                rs.getString("hostname"),
                                rs.getLong("pid"),
                                lost ? "stopped" : rs.getString("status"),
                                lost,
                                rs.getInt("slots"),
                                lost ? 0 : rs.getInt("in_flight"),
                                Sql.instant(rs, "started_at"),
                                Sql.instant(rs, "heartbeat_at")));
                    }
                }
                return nodes;
            }
        });
    }

    /** Deletes the rows of nodes silent for longer than {@code retention}. */
    int forget(Duration retention) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FORGET)) {
                statement.setDouble(1, retention.toMillis() / 1000.0);
                return statement.executeUpdate();
            }
        });
    }
}
