package io.agentry.runner;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code runner_nodes} table: each node's row, kept current by its heartbeat, with the agent
 * types it runs and the heartbeat interval and lease TTL it promised at start.
 */
public final class NodeRegistry {
    private static final String REGISTER = """
            INSERT INTO runner_nodes (node_id, hostname, pid, status, slots, agent_types, heartbeat_interval, lease_ttl)
            VALUES (?, ?, ?, 'running', ?, ?::text[], make_interval(secs => ?), make_interval(secs => ?))
            ON CONFLICT (node_id) DO UPDATE
            SET hostname = excluded.hostname, pid = excluded.pid, status = 'running', slots = excluded.slots,
                agent_types = excluded.agent_types, heartbeat_interval = excluded.heartbeat_interval,
                lease_ttl = excluded.lease_ttl, in_flight = 0, started_at = now(), heartbeat_at = now(),
                stopped_at = NULL
            """;

    private static final String BEAT = """
            UPDATE runner_nodes SET status = ?, in_flight = ?, heartbeat_at = now() WHERE node_id = ?
            """;

    private static final String STOPPED = """
            UPDATE runner_nodes SET status = 'stopped', in_flight = 0, heartbeat_at = now(), stopped_at = now()
            WHERE node_id = ?
            """;

    // How long a node may be silent before it counts as lost, judged by its own settings: longer
    // than its lease TTL, its leases have run out and the rescuer gives its tasks to other nodes;
    // longer than two of its heartbeats, it missed two in a row. The second on top covers a
    // heartbeat queued behind the node's own outcome writes and its trip to the database.
    private static final String LOST_AFTER = "least(lease_ttl, 2 * heartbeat_interval + interval '1 second')";

    private static final String LIST = """
            SELECT node_id, hostname, pid, slots, in_flight, started_at, heartbeat_at, agent_types,
                   round(extract(epoch FROM heartbeat_interval) * 1000) AS heartbeat_interval_ms,
                   round(extract(epoch FROM lease_ttl) * 1000) AS lease_ttl_ms,
                   round(extract(epoch FROM %1$s) * 1000) AS lost_after_ms,
                   status <> 'stopped' AND heartbeat_at < now() - %1$s AS lost,
                   status
            FROM runner_nodes
            WHERE status <> 'stopped' OR stopped_at > now() - interval '1 day'
            ORDER BY started_at
            """.formatted(LOST_AFTER);

    // Only running nodes claim: a draining one is about to stop, a lost one may be dead. Counting
    // reads every pending task (as the counts by status read every task), not only the unrunnable.
    private static final String PENDING_WITHOUT_NODE = """
            SELECT agent_type, count(*) AS pending FROM agent_tasks
            WHERE status = 'pending' AND (?::uuid IS NULL OR org_id = ?) AND agent_type NOT IN (
                SELECT unnest(agent_types) FROM runner_nodes
                WHERE status = 'running' AND heartbeat_at >= now() - %s)
            GROUP BY agent_type
            ORDER BY agent_type
            """.formatted(LOST_AFTER);

    private static final String FORGET = """
            DELETE FROM runner_nodes
            WHERE heartbeat_at < now() - make_interval(secs => ?)
            """;

    private final DataSource dataSource;

    public NodeRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(RunnerOptions options, String hostname, long pid, Set<String> agentTypes) {
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(REGISTER)) {
                statement.setString(1, options.nodeId());
                statement.setString(2, hostname);
                statement.setLong(3, pid);
                statement.setInt(4, options.slots());
                statement.setArray(5, Sql.texts(connection, agentTypes));
                statement.setDouble(6, seconds(options.heartbeatInterval()));
                statement.setDouble(7, seconds(options.leaseTtl()));
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
     * The nodes running now or stopped within the last day. A node silent for longer than its lease
     * TTL, or than two of its heartbeat intervals and a second, whichever is shorter, is reported
     * stopped and lost: it died or was cut off, and the rescuer takes its tasks back when their
     * leases run out.
     */
    public List<NodeStatus> list() {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST);
                    ResultSet rs = statement.executeQuery()) {
                List<NodeStatus> nodes = new ArrayList<>();
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
                            Arrays.asList((String[]) rs.getArray("agent_types").getArray()),
                            Sql.instant(rs, "started_at"),
                            Sql.instant(rs, "heartbeat_at"),
                            rs.getLong("heartbeat_interval_ms"),
                            rs.getLong("lease_ttl_ms"),
                            rs.getLong("lost_after_ms")));
                }
                return nodes;
            }
        });
    }

    /**
     * Pending tasks that no running node can run, counted by agent type (in the order of the
     * types): they wait until a node that runs their type starts.
     */
    public Map<String, Long> pendingWithoutNode() {
        return pendingWithoutNode(null);
    }

    /** {@link #pendingWithoutNode()} of one org's tasks (of every org's when {@code orgId} is null). */
    public Map<String, Long> pendingWithoutNode(UUID orgId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PENDING_WITHOUT_NODE)) {
                statement.setObject(1, orgId);
                statement.setObject(2, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    Map<String, Long> pending = new LinkedHashMap<>();
                    while (rs.next()) {
                        pending.put(rs.getString("agent_type"), rs.getLong("pending"));
                    }
                    return pending;
                }
            }
        });
    }

    /** Deletes the rows of nodes silent for longer than {@code retention}. */
    int forget(Duration retention) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FORGET)) {
                statement.setDouble(1, seconds(retention));
                return statement.executeUpdate();
            }
        });
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
