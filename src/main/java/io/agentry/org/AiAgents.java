package io.agentry.org;

import io.agentry.db.Sql;
import io.agentry.schedule.CronSpec;
import io.agentry.schedule.Schedules;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An org's agents, created, read, changed and deleted by their users. Every statement is scoped
 * to the org.
 *
 * <p>A schedule is written with the rest of the agent in one statement, its next fire computed
 * as {@link Schedules#set} computes it ({@link CronSpec#next} in {@link Schedules#zone}), so a
 * create or an update is all or nothing and {@code next_run_at} always follows {@code
 * schedule_cron}. An update that leaves the expression and the zone alone leaves the next fire
 * alone too: one that is due waits for the scheduler rather than being skipped.
 */
public final class AiAgents {
    private static final String COLUMNS = """
            id, org_id, agent_type, name, description, configuration, is_active, schedule_cron, schedule_timezone,
            last_run_at, next_run_at, created_at, updated_at""";

    private static final String LIST = """
            SELECT %s FROM ai_agents
            WHERE org_id = ?
              AND (?::text IS NULL OR agent_type = ?)
              AND (?::boolean IS NULL OR is_active = ?)
              AND (?::timestamptz IS NULL OR (created_at, id) < (?, ?))
            ORDER BY created_at DESC, id DESC
            LIMIT ?""".formatted(COLUMNS);

    private static final String FIND = "SELECT %s FROM ai_agents WHERE id = ? AND org_id = ?".formatted(COLUMNS);

    private static final String LOCK = FIND + " FOR UPDATE";

    private static final String INSERT = """
            INSERT INTO ai_agents (org_id, agent_type, name, description, configuration, is_active, schedule_cron,
                                   schedule_timezone, next_run_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            RETURNING %s""".formatted(COLUMNS);

    private static final String UPDATE = """
            UPDATE ai_agents
            SET agent_type = ?, name = ?, description = ?, configuration = ?::jsonb, is_active = ?, schedule_cron = ?,
                schedule_timezone = ?, next_run_at = ?, updated_at = now()
            WHERE id = ? AND org_id = ?
            RETURNING %s""".formatted(COLUMNS);

    /** What holds an agent in place: the streams it is assigned to, and its tasks not yet ended. */
    private static final String HOLDS = """
            SELECT ARRAY(SELECT stream_id FROM stream_agent_assignments
                         WHERE agent_id = ? AND org_id = ? ORDER BY created_at, stream_id) AS streams,
                   (SELECT count(*) FROM agent_tasks
                    WHERE agent_id = ? AND org_id = ? AND status IN ('pending', 'processing')) AS live_tasks""";

    private static final String DELETE = "DELETE FROM ai_agents WHERE id = ? AND org_id = ?";

    /**
     * What {@link #delete} did.
     *
     * @param found whether the org has the agent
     * @param assignedStreams the streams it is assigned to: it was not deleted when there are any
     * @param liveTasks its pending and processing tasks: it was not deleted when there are any
     */
    public record Deletion(boolean found, List<UUID> assignedStreams, long liveTasks) {
        public boolean deleted() {
            return found && assignedStreams.isEmpty() && liveTasks == 0;
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    public AiAgents(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The org's agents, newest first, after the agent created at {@code afterCreatedAt} with id
     * {@code afterId} (both null for the first page).
     *
     * @param agentType only agents of this type; null for all
     * @param active only active (true) or inactive (false) agents; null for all
     */
    public List<AiAgent> list(
            UUID orgId, String agentType, Boolean active, Instant afterCreatedAt, UUID afterId, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                int i = 1;
                statement.setObject(i++, orgId);
                statement.setString(i++, agentType);
                statement.setString(i++, agentType);
                statement.setObject(i++, active);
                statement.setObject(i++, active);
                statement.setTimestamp(i++, Sql.timestamp(afterCreatedAt));
                statement.setTimestamp(i++, Sql.timestamp(afterCreatedAt));
                statement.setObject(i++, afterId);
                statement.setInt(i, limit);
                List<AiAgent> agents = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        agents.add(read(rs));
                    }
                }
                return agents;
            }
        });
    }

    public Optional<AiAgent> find(UUID orgId, UUID agentId) {
        return Sql.run(dataSource, connection -> find(connection, FIND, orgId, agentId));
    }

    /**
     * A new agent of the org. Its type and name must be given; the caller checks that the type is
     * one users may create.
     *
     * @throws io.agentry.schedule.InvalidScheduleException naming the field, for a bad expression
     *     or zone; nothing is written
     */
    public AiAgent create(UUID orgId, AgentFields fields) {
        Schedule schedule = Schedule.NONE.changedBy(fields, clock.now());
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setObject(1, orgId);
                statement.setString(2, fields.agentType());
                statement.setString(3, fields.name());
                statement.setString(4, blankAsNull(fields.description()));
                statement.setString(
                        5,
                        Json.writeForDatabase(fields.configuration() == null ? Json.object() : fields.configuration()));
                statement.setBoolean(6, fields.isActive() == null || fields.isActive());
                schedule.bind(statement, 7);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    /**
     * Writes the fields given, keeping the others; empty when the org has no such agent.
     *
     * @throws io.agentry.schedule.InvalidScheduleException naming the field, for a bad expression
     *     or zone; nothing is written
     */
    public Optional<AiAgent> update(UUID orgId, UUID agentId, AgentFields changes) {
        // Checked before the transaction, so that a bad schedule never waits for the row.
        Schedule.NONE.changedBy(changes, clock.now());
        return Sql.transaction(dataSource, connection -> {
            Optional<AiAgent> locked = find(connection, LOCK, orgId, agentId);
            if (locked.isEmpty() || changes.isEmpty()) {
                return locked;
            }
            AiAgent current = locked.get();
            Schedule schedule = Schedule.of(current).changedBy(changes, clock.now());
            try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
                statement.setString(1, or(changes.agentType(), current.agentType()));
                statement.setString(2, or(changes.name(), current.name()));
                statement.setString(
                        3, changes.description() == null ? current.description() : blankAsNull(changes.description()));
                statement.setString(4, Json.writeForDatabase(or(changes.configuration(), current.configuration())));
                statement.setBoolean(5, or(changes.isActive(), current.isActive()));
                schedule.bind(statement, 6);
                statement.setObject(9, agentId);
                statement.setObject(10, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return Optional.of(read(rs));
                }
            }
        });
    }

    /**
     * Deletes the agent unless it is assigned to a stream or has tasks not yet ended: those would
     * lose their agent. Its executions and ended tasks stay as history.
     */
    public Deletion delete(UUID orgId, UUID agentId) {
        return Sql.transaction(dataSource, connection -> {
            if (find(connection, LOCK, orgId, agentId).isEmpty()) {
                return new Deletion(false, List.of(), 0);
            }
            Deletion deletion;
            try (PreparedStatement statement = connection.prepareStatement(HOLDS)) {
                statement.setObject(1, agentId);
                statement.setObject(2, orgId);
                statement.setObject(3, agentId);
                statement.setObject(4, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    deletion = new Deletion(
                            true, List.of((UUID[]) rs.getArray("streams").getArray()), rs.getLong("live_tasks"));
                }
            }
            if (deletion.deleted()) {
                try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                    statement.setObject(1, agentId);
                    statement.setObject(2, orgId);
                    statement.executeUpdate();
                }
            }
            return deletion;
        });
    }

    /** An agent's schedule columns: expression, zone and next fire. */
    private record Schedule(String cron, String timezone, Instant nextRunAt) {
        static final Schedule NONE = new Schedule(null, "UTC", null);

        static Schedule of(AiAgent agent) {
            return new Schedule(agent.scheduleCron(), agent.scheduleTimezone(), agent.nextRunAt());
        }

        /** This schedule with the fields' expression and zone; the next fire recomputed if either changed. */
        Schedule changedBy(AgentFields fields, Instant now) {
            if (fields.scheduleCron() == null && fields.scheduleTimezone() == null) {
                return this;
            }
            ZoneId zone = Schedules.zone(or(fields.scheduleTimezone(), timezone));
            String cron = fields.scheduleCron() == null ? this.cron : blankAsNull(fields.scheduleCron());
            if (cron == null) {
                return new Schedule(null, zone.getId(), null);
            }
            CronSpec spec = CronSpec.parse(cron);
            return new Schedule(spec.expression(), zone.getId(), spec.next(now, zone));
        }

        void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, cron);
            statement.setString(first + 1, timezone);
            statement.setTimestamp(first + 2, Sql.timestamp(nextRunAt));
        }
    }

    private static Optional<AiAgent> find(Connection connection, String sql, UUID orgId, UUID agentId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, agentId);
            statement.setObject(2, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static AiAgent read(ResultSet rs) throws SQLException {
        return new AiAgent(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "org_id"),
                rs.getString("agent_type"),
                rs.getString("name"),
                rs.getString("description"),
                Json.read(rs.getString("configuration")),
                rs.getBoolean("is_active"),
                rs.getString("schedule_cron"),
                rs.getString("schedule_timezone"),
                Sql.instant(rs, "last_run_at"),
                Sql.instant(rs, "next_run_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
