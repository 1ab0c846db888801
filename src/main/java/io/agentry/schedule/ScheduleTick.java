package io.agentry.schedule;

import io.agentry.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of due schedules fired in one transaction, in a fixed number of statements whatever
 * the batch holds: lock the due agents, record one fire per (agent, stream) with the id of the run
 * a fired one starts, start those runs, then move each agent to its next fire in one statement.
 *
 * <p>Two guards keep a slot from firing twice. The due agents are locked ({@code FOR UPDATE SKIP
 * LOCKED}) until the transaction has moved them past the slot, so a second tick running at the
 * same time passes them by. And should a second node still reach a slot already fired (a
 * {@code next_run_at} written back, a node that lost its leadership mid-tick), the unique key of
 * {@code schedule_fires} turns its insert into nothing: no fire row, so no run.
 */
final class ScheduleTick {
    private static final Logger log = LoggerFactory.getLogger(ScheduleTick.class);
    private static final int MAX_CACHED_SPECS = 10_000;

    private static final String DUE = """
            SELECT id, org_id, schedule_cron, schedule_timezone, next_run_at
            FROM ai_agents
            WHERE schedule_cron IS NOT NULL AND is_active AND next_run_at <= ?
            ORDER BY next_run_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED
            """;

    /**
     * Each due agent once per active assignment to an active stream, or once without a stream
     * when it has none; a fire is skipped while the scheduled run it started last for the same
     * stream is still running.
     */
    private static final String FIRE = """
            WITH due (agent_id, org_id, fire_time) AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[])
            ), assigned AS (
                SELECT d.agent_id, d.org_id, d.fire_time, s.id AS stream_id
                FROM due d
                JOIN stream_agent_assignments a ON a.agent_id = d.agent_id AND a.org_id = d.org_id AND a.is_active
                JOIN streams s ON s.id = a.stream_id AND s.org_id = d.org_id AND s.status = 'active'
            ), target AS (
                SELECT agent_id, org_id, fire_time, stream_id FROM assigned
                UNION ALL
                SELECT d.agent_id, d.org_id, d.fire_time, NULL::uuid
                FROM due d
                WHERE NOT EXISTS (SELECT 1 FROM assigned x WHERE x.agent_id = d.agent_id)
            ), judged AS (
                SELECT t.*,
                       (SELECT r.id FROM workflow_runs r
                        WHERE r.agent_id = t.agent_id AND r.status = 'running' AND r.trigger = 'schedule'
                          AND (r.stream_id = t.stream_id OR (r.stream_id IS NULL AND t.stream_id IS NULL))
                        ORDER BY r.created_at DESC LIMIT 1) AS running_run
                FROM target t
            )
            INSERT INTO schedule_fires (agent_id, stream_id, fire_time, outcome, workflow_run_id, reason)
            SELECT agent_id, stream_id, fire_time,
                   CASE WHEN running_run IS NULL THEN 'fired' ELSE 'skipped' END,
                   CASE WHEN running_run IS NULL THEN gen_random_uuid() END,
                   CASE WHEN running_run IS NULL THEN NULL
                        ELSE 'previous run ' || running_run || ' still running' END
            FROM judged
            ORDER BY agent_id, stream_id
            ON CONFLICT (agent_id, coalesce(stream_id, '00000000-0000-0000-0000-000000000000'::uuid), fire_time)
            DO NOTHING
            RETURNING agent_id, stream_id, fire_time, outcome, workflow_run_id
            """;

    /**
     * The look-up of each target's running run must go by the workflow_runs_running index: a
     * table analysed while nearly empty (a new deployment) looks free to scan, and was scanned
     * once per target (measured: 3 s for 1,000 targets once a tick's earlier batches had added
     * 5,000 runs, against 40 ms). Every table FIRE reads has an index for it.
     */
    private static final String INDEXES_ONLY = "SET LOCAL enable_seqscan = off";

    private static final String PLANNER_DEFAULTS = "SET LOCAL enable_seqscan TO DEFAULT";

    /**
     * Every due agent gets its next fire and last fire time. A null next fire turns a schedule that
     * cannot be read off; its last fire stays then.
     */
    private static final String FINISH = """
            UPDATE ai_agents a
            SET next_run_at = u.next_run_at, last_run_at = coalesce(u.fire_time, a.last_run_at)
            FROM unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) AS u(id, next_run_at, fire_time)
            WHERE a.id = u.id
            """;

    /** A due agent as the tick read it. */
    private record Due(UUID agentId, UUID orgId, String cron, String timezone, Instant fireTime) {}

    /** A fire recorded by this tick; {@code runId} is the run a fired one starts (null when skipped). */
    record Fire(UUID agentId, UUID orgId, UUID streamId, Instant fireTime, boolean fired, UUID runId) {}

    /** What one batch did. */
    record Batch(int due, int fired, int skipped) {}

    private record NextKey(CronSpec spec, ZoneId zone, Instant after) {}

    private final DataSource dataSource;
    private final Map<String, CronSpec> specs = new ConcurrentHashMap<>();

    ScheduleTick(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Fires at most {@code limit} due agents, in one transaction. */
    Batch run(Instant now, int limit) {
        return Sql.transaction(dataSource, connection -> {
            List<Due> due = due(connection, now, limit);
            if (due.isEmpty()) {
                return new Batch(0, 0, 0);
            }
            List<Due> readable = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            List<Instant> nexts = new ArrayList<>();
            List<Instant> fireTimes = new ArrayList<>();
            // Agents due at the same time on the same schedule share their next fire.
            Map<NextKey, Instant> memo = new HashMap<>();
            for (Due agent : due) {
                Instant next = null;
                try {
                    CronSpec spec = spec(agent.cron());
                    ZoneId zone = Schedules.zone(agent.timezone());
                    Instant after = now.isAfter(agent.fireTime()) ? now : agent.fireTime();
                    next = memo.computeIfAbsent(
                            new NextKey(spec, zone, after), key -> key.spec().next(key.after(), key.zone()));
                    readable.add(agent);
                } catch (IllegalArgumentException e) {
                    // Only a row written past Schedules can hold one; firing it blind would be worse.
                    log.warn("Schedule of agent {} turned off: {}", agent.agentId(), e.getMessage());
                }
                ids.add(agent.agentId());
                nexts.add(next);
                fireTimes.add(next == null ? null : agent.fireTime());
            }
            List<Fire> fires = fire(connection, readable);
            List<Fire> fired = fires.stream().filter(Fire::fired).toList();
            if (!fired.isEmpty()) {
                ScheduledRuns.start(connection, fired);
            }
            finish(connection, ids, nexts, fireTimes);
            return new Batch(due.size(), fired.size(), fires.size() - fired.size());
        });
    }

    private CronSpec spec(String cron) {
        CronSpec spec = specs.get(cron);
        if (spec == null) {
            spec = CronSpec.parse(cron);
            if (specs.size() >= MAX_CACHED_SPECS) {
                specs.clear();
            }
            specs.put(cron, spec);
        }
        return spec;
    }

    private static List<Due> due(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DUE)) {
            statement.setObject(1, utc(now));
            statement.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(
                            Sql.uuid(rs, "id"),
                            Sql.uuid(rs, "org_id"),
                            rs.getString("schedule_cron"),
                            rs.getString("schedule_timezone"),
                            Sql.instant(rs, "next_run_at")));
                }
            }
            return due;
        }
    }

    private static List<Fire> fire(Connection connection, List<Due> due) throws SQLException {
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> orgOf = new HashMap<>();
        due.forEach(agent -> orgOf.put(agent.agentId(), agent.orgId()));
        try (Statement settings = connection.createStatement()) {
            settings.execute(INDEXES_ONLY);
        }
        try (PreparedStatement statement = connection.prepareStatement(FIRE)) {
            statement.setArray(
                    1, Sql.uuids(connection, due.stream().map(Due::agentId).toList()));
            statement.setArray(
                    2, Sql.uuids(connection, due.stream().map(Due::orgId).toList()));
            statement.setArray(
                    3,
                    Sql.timestamps(connection, due.stream().map(Due::fireTime).toList()));
            List<Fire> fires = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID agentId = Sql.uuid(rs, "agent_id");
                    fires.add(new Fire(
                            agentId,
                            orgOf.get(agentId),
                            Sql.uuid(rs, "stream_id"),
                            Sql.instant(rs, "fire_time"),
                            rs.getString("outcome").equals("fired"),
                            Sql.uuid(rs, "workflow_run_id")));
                }
            }
            return fires;
        } finally {
            try (Statement settings = connection.createStatement()) {
                settings.execute(PLANNER_DEFAULTS);
            }
        }
    }

    private static void finish(Connection connection, List<UUID> ids, List<Instant> nexts, List<Instant> fireTimes)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FINISH)) {
            statement.setArray(1, Sql.uuids(connection, ids));
            statement.setArray(2, Sql.timestamps(connection, nexts));
            statement.setArray(3, Sql.timestamps(connection, fireTimes));
            statement.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
