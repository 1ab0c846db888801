package io.agentry.stream;

import io.agentry.agent.Insight;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A stream's insights: one per dedupe key, newest first. */
public final class StreamInsights {
    private static final String RECORD = """
            INSERT INTO stream_insights (stream_id, insight_type, title, description, severity, data, generated_by,
                                         agent_execution_id, is_actionable, dedupe_key)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (stream_id, dedupe_key) DO NOTHING
            RETURNING id""";

    private static final String LIST = """
            SELECT id, stream_id, insight_type, title, description, severity, data, generated_by, is_actionable,
                   is_read, created_at
            FROM stream_insights
            WHERE stream_id = ?
            ORDER BY created_at DESC, id
            LIMIT ?""";

    private final DataSource dataSource;

    public StreamInsights(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<StreamInsight> latest(UUID streamId, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                statement.setObject(1, streamId);
                statement.setInt(2, limit);
                List<StreamInsight> insights = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        insights.add(new StreamInsight(
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
                                Sql.instant(rs, "created_at")));
                    }
                }
                return insights;
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
}
