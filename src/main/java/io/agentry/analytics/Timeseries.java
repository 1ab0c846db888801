package io.agentry.analytics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An org's executions per hour or per day ({@link TimeRange}), by the time they were created.
 * Every bucket of the range is present, an empty one with zero counts and no duration: the series
 * is made by generate_series and joined to the executions, not read from them.
 */
public final class Timeseries {
    private static final String SERIES = """
            SELECT b.start, count(e.id) AS executions,
                   count(e.id) FILTER (WHERE e.status = 'completed') AS completed,
                   count(e.id) FILTER (WHERE e.status = 'failed') AS failed,
                   round(avg(e.duration_ms) FILTER (WHERE e.status = 'completed'))::bigint AS avg_duration_ms
            FROM generate_series(?::timestamptz, ?::timestamptz, make_interval(secs => ?)) AS b (start)
            LEFT JOIN agent_executions e
                   ON e.org_id = ? AND e.created_at >= b.start AND e.created_at < b.start + make_interval(secs => ?)
            GROUP BY b.start
            ORDER BY b.start""";

    /**
     * One bucket: the executions created from {@code start} for one hour or day.
     *
     * @param executions all of them, whatever their status
     * @param avgDurationMs of the completed ones; null when none completed
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Bucket(Instant start, long executions, long completed, long failed, Long avgDurationMs) {}

    private final DataSource dataSource;

    public Timeseries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The buckets of the range that ends in the bucket holding {@code now}, oldest first. */
    public List<Bucket> buckets(UUID orgId, TimeRange range, Instant now) {
        Instant first = range.firstBucket(now);
        Instant last = first.plus(range.bucket().multipliedBy(range.buckets() - 1L));
        long seconds = range.bucket().toSeconds();
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SERIES)) {
                statement.setTimestamp(1, Sql.timestamp(first));
                statement.setTimestamp(2, Sql.timestamp(last));
                statement.setLong(3, seconds);
                statement.setObject(4, orgId);
                statement.setLong(5, seconds);
                List<Bucket> buckets = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        buckets.add(new Bucket(
                                Sql.instant(rs, "start"),
                                rs.getLong("executions"),
                                rs.getLong("completed"),
                                rs.getLong("failed"),
                                rs.getObject("avg_duration_ms", Long.class)));
                    }
                }
                return buckets;
            }
        });
    }
}
