package io.agentry.schedule;

import io.agentry.db.Sql;
import io.agentry.support.Clock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The agents' schedules: set, cleared and listed per organization. A schedule is checked before
 * anything is written, and written with its next fire in one statement, so {@code next_run_at}
 * is never out of step with {@code schedule_cron}.
 */
public final class Schedules {
    private static final String COLUMNS =
            "id, agent_type, name, is_active, schedule_cron, schedule_timezone, next_run_at, last_run_at";

    private static final String SET = """
            UPDATE ai_agents
            SET schedule_cron = ?, schedule_timezone = ?, next_run_at = ?, updated_at = now()
            WHERE id = ? AND org_id = ?
            RETURNING %s""".formatted(COLUMNS);

    private static final String CLEAR = """
            UPDATE ai_agents SET schedule_cron = NULL, next_run_at = NULL, updated_at = now()
            WHERE id = ? AND org_id = ?
            RETURNING %s""".formatted(COLUMNS);

    private static final String FIND = "SELECT %s FROM ai_agents WHERE id = ? AND org_id = ?".formatted(COLUMNS);

    private static final String LIST =
            "SELECT %s FROM ai_agents WHERE org_id = ? ORDER BY agent_type, created_at, id".formatted(COLUMNS);

    /** The zone names of the JDK's IANA database; getAvailableZoneIds() copies them on every call. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final DataSource dataSource;
    private final Clock clock;

    public Schedules(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Schedules the agent: {@code cron} in {@code timezone} (null: UTC), its next fire the first
     * after now.
     *
     * @throws InvalidScheduleException for a bad expression or zone, naming the field; nothing is
     *     written
     * @throws UnknownAgentException when the org has no such agent; nothing is written
     */
    public AgentSchedule set(UUID orgId, UUID agentId, String cron, String timezone) {
        CronSpec spec = CronSpec.parse(cron);
        ZoneId zone = zone(timezone == null ? "UTC" : timezone);
        Instant next = spec.next(clock.now(), zone);
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SET)) {
                statement.setString(1, spec.expression());
                statement.setString(2, zone.getId());
                statement.setObject(3, OffsetDateTime.ofInstant(next, ZoneOffset.UTC));
                statement.setObject(4, agentId);
                statement.setObject(5, orgId);
                return one(statement, orgId, agentId);
            }
        });
    }

    /** Removes the agent's schedule; its zone and last fire stay. */
    public AgentSchedule clear(UUID orgId, UUID agentId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLEAR)) {
                statement.setObject(1, agentId);
                statement.setObject(2, orgId);
                return one(statement, orgId, agentId);
            }
        });
    }

    /** @throws UnknownAgentException when the org has no such agent */
    public AgentSchedule find(UUID orgId, UUID agentId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, agentId);
                statement.setObject(2, orgId);
                return one(statement, orgId, agentId);
            }
        });
    }

    /** Every agent of the org, scheduled or not, by type. */
    public List<AgentSchedule> list(UUID orgId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                statement.setObject(1, orgId);
                List<AgentSchedule> agents = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        agents.add(row(rs));
                    }
                }
                return agents;
            }
        });
    }

    /**
     * An IANA time zone such as {@code Europe/London} or {@code UTC}; offsets such as {@code
     * +01:00} are refused, since they know nothing of summer time.
     *
     * @throws InvalidScheduleException naming {@code schedule_timezone}
     */
    public static ZoneId zone(String timezone) {
        if (timezone == null || !ZONES.contains(timezone.strip())) {
            throw new InvalidScheduleException(
                    "schedule_timezone",
                    "schedule_timezone \"" + timezone + "\" is not an IANA time zone; use a name such as"
                            + " Europe/London, America/New_York or UTC");
        }
        return ZoneId.of(timezone.strip());
    }

    private static AgentSchedule one(PreparedStatement statement, UUID orgId, UUID agentId) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new UnknownAgentException(orgId, agentId);
            }
            return row(rs);
        }
    }

    private static AgentSchedule row(ResultSet rs) throws SQLException {
        return new AgentSchedule(
                Sql.uuid(rs, "id"),
                rs.getString("agent_type"),
                rs.getString("name"),
                rs.getBoolean("is_active"),
                rs.getString("schedule_cron"),
                rs.getString("schedule_timezone"),
                Sql.instant(rs, "next_run_at"),
                Sql.instant(rs, "last_run_at"));
    }
}
