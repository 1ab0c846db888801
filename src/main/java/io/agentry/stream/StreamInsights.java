package io.agentry.stream;

import io.agentry.agent.Insight;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A stream's insights: one per dedupe key, newest first; a person marks them read or acted upon. */
public final class StreamInsights {
    /**
     * Which insights a list shows; a null field does not filter.
     *
     * @param unread true: the unread ones only; false: the read ones only
     * @param type an {@code insight_type} ({@link Insight.Type#value()})
     * @param severity a {@code severity} ({@link Insight.Severity#value()})
     */
    public record Filter(Boolean unread, String type, String severity) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    private static final String RECORD = """
            INSERT INTO stream_insights (stream_id, insight_type, title, description, severity, data, generated_by,
                                         agent_execution_id, is_actionable, dedupe_key)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (stream_id, dedupe_key) DO NOTHING
            RETURNING id""";

    private static final String COLUMNS = """
            i.id, i.stream_id, i.insight_type, i.title, i.description, i.severity, i.data, i.generated_by,
            i.is_actionable, i.is_read, i.action_taken, i.action_taken_at, i.created_at""";

    // The conditions a filter or a page start adds go where %s is.
    private static final String PAGE = """
            SELECT %s
            FROM stream_insights i
            WHERE i.stream_id = ? AND i.stream_id IN (SELECT id FROM streams WHERE org_id = coalesce(?, org_id))%%s
            ORDER BY i.created_at DESC, i.id DESC
            LIMIT ?""".formatted(COLUMNS);

    /**
     * Giving an action marks the insight read too, unless the change says otherwise; an empty
     * action clears it and its time.
     */
    private static final String MARK = """
            WITH change AS (SELECT ?::boolean AS is_read, ?::boolean AS sets_action, ?::text AS action_taken)
            UPDATE stream_insights i
            SET is_read = coalesce(change.is_read, change.action_taken IS NOT NULL OR i.is_read),
                action_taken = CASE WHEN change.sets_action THEN change.action_taken ELSE i.action_taken END,
                action_taken_at = CASE WHEN NOT change.sets_action THEN i.action_taken_at
                                       WHEN change.action_taken IS NULL THEN NULL
                                       ELSE now() END
            FROM change, streams s
            WHERE i.id = ? AND i.stream_id = ? AND s.id = i.stream_id AND s.org_id = ?
            RETURNING %s""".formatted(COLUMNS);

    private final DataSource dataSource;

    public StreamInsights(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stream's newest insights, whatever its org. */
    public List<StreamInsight> latest(UUID streamId, int limit) {
        return page(null, streamId, Filter.ALL, null, limit);
    }

    /**
     * A page of the stream's insights, newest first; empty for a stream of another org than {@code
     * orgId} (null: any org).
     *
     * @param after the last insight of the previous page; null for the first page
     */
    public List<StreamInsight> page(UUID orgId, UUID streamId, Filter filter, After after, int limit) {
        StringBuilder conditions = new StringBuilder();
        if (filter.unread() != null) {
            conditions.append(filter.unread() ? " AND NOT i.is_read" : " AND i.is_read");
        }
        if (filter.type() != null) {
            conditions.append(" AND i.insight_type = ?");
        }
        if (filter.severity() != null) {
            conditions.append(" AND i.severity = ?");
        }
        if (after != null) {
            conditions.append(" AND (i.created_at, i.id) < (?, ?)");
        }
        String sql = PAGE.formatted(conditions);
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setObject(i++, streamId);
                statement.setObject(i++, orgId, Types.OTHER);
                if (filter.type() != null) {
                    statement.setString(i++, filter.type());
                }
                if (filter.severity() != null) {
                    statement.setString(i++, filter.severity());
                }
                if (after != null) {
                    statement.setTimestamp(i++, Sql.timestamp(after.createdAt()));
                    statement.setObject(i++, after.id());
                }
                statement.setInt(i, limit);
                List<StreamInsight> insights = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        insights.add(read(rs));
                    }
                }
                return insights;
            }
        });
    }

    /**
     * Marks an insight of the org's stream read or unread, and records what was done about it.
     *
     * @param read null keeps it (or marks it read when an action is given)
     * @param actionTaken null keeps it; empty clears it; a value sets it, with the time
     * @return the insight as it is now; empty when the stream has no such insight
     */
    public Optional<StreamInsight> mark(
            UUID orgId, UUID streamId, UUID insightId, Boolean read, Optional<String> actionTaken) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(MARK)) {
                statement.setObject(1, read, Types.BOOLEAN);
                statement.setBoolean(2, actionTaken != null);
                statement.setString(3, actionTaken == null ? null : actionTaken.orElse(null));
                statement.setObject(4, insightId);
                statement.setObject(5, streamId);
                statement.setObject(6, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<StreamInsight>empty();
                }
            }
        });
    }

    /** Records the insight unless its key is already on the stream: the new row's id, or empty. */
    static Optional<UUID> record(
            Connection connection, UUID streamId, UUID executionId, String generatedBy, Insight insight)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setObject(1, streamId);
            statement.setString(2, insight.type().value());
            statement.setString(3, insight.title());
            statement.setString(4, insight.description());
            statement.setString(5, insight.severity().value());
            statement.setString(6, Json.writeForDatabase(insight.data()));
            statement.setString(7, generatedBy);
            statement.setObject(8, executionId);
            statement.setBoolean(9, insight.actionable());
            statement.setString(10, insight.dedupeKey());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(Sql.uuid(rs, "id")) : Optional.empty();
            }
        }
    }

    private static StreamInsight read(ResultSet rs) throws SQLException {
        return new StreamInsight(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "stream_id"),
                rs.getString("insight_type"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("severity"),
                Json.read(rs.getString("data")),
                rs.getString("generated_by"),
                rs.getBoolean("is_actionable"),
                rs.getBoolean("is_read"),
                rs.getString("action_taken"),
                Sql.instant(rs, "action_taken_at"),
                Sql.instant(rs, "created_at"));
    }
}
