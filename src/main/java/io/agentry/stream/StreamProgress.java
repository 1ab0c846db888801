package io.agentry.stream;

import io.agentry.db.Sql;
import io.agentry.support.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a stream's progress: counts its items against its goal and applies {@link
 * Progress#percentage} and {@link GoalStatus#of}. Reading writes nothing; an execution stores what
 * it read through its {@link StreamFeed}.
 */
public final class StreamProgress {
    /**
     * A score that is not a number counts as not qualified rather than failing the count. The
     * defaults are the goal's ({@link Goal#DEFAULT_COMPANIES}, {@link Goal#DEFAULT_MIN_QUALITY}).
     */
    private static final String READ = """
            SELECT s.id, s.status, s.created_at, s.goal_deadline,
                   coalesce((s.target_metrics ->> 'companies_to_find')::int, ?) AS total,
                   count(i.id) AS items,
                   count(i.id) FILTER (
                       WHERE jsonb_typeof(i.metadata -> 'quality_score') = 'number'
                         AND (i.metadata ->> 'quality_score')::numeric
                             >= coalesce((s.target_metrics ->> 'min_quality_score')::numeric, ?)) AS completed,
                   EXISTS (SELECT 1 FROM agent_executions e WHERE e.stream_id = s.id) AS worked
            FROM streams s
            LEFT JOIN stream_items i ON i.stream_id = s.id AND i.item_type = 'company' AND i.status = 'active'
            WHERE s.id = ANY (?)
            GROUP BY s.id""";

    private final DataSource dataSource;
    private final Clock clock;

    public StreamProgress(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The stream's progress now; empty when there is no such stream. */
    public Optional<Progress> read(UUID streamId) {
        return Optional.ofNullable(readAll(List.of(streamId)).get(streamId));
    }

    /** The progress of each of these streams that exists, in one statement. */
    public Map<UUID, Progress> readAll(Collection<UUID> streamIds) {
        return Sql.run(dataSource, connection -> read(connection, streamIds, clock.now()));
    }

    static Optional<Progress> read(Connection connection, UUID streamId, Instant now) throws SQLException {
        return Optional.ofNullable(read(connection, List.of(streamId), now).get(streamId));
    }

    private static Map<UUID, Progress> read(Connection connection, Collection<UUID> streamIds, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setInt(1, Goal.DEFAULT_COMPANIES);
            statement.setDouble(2, Goal.DEFAULT_MIN_QUALITY);
            statement.setArray(3, Sql.uuids(connection, streamIds));
            Map<UUID, Progress> progress = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int total = rs.getInt("total");
                    int completed = rs.getInt("completed");
                    int items = rs.getInt("items");
                    GoalStatus status = GoalStatus.of(
                            rs.getString("status"),
                            completed,
                            total,
                            items,
                            rs.getBoolean("worked"),
                            Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "goal_deadline"),
                            now);
                    progress.put(
                            Sql.uuid(rs, "id"),
                            new Progress(completed, total, Progress.percentage(completed, total), items, status));
                }
            }
            return progress;
        }
    }
}
