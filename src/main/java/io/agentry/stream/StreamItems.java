package io.agentry.stream;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads a stream's company items in rank order. Agents write them, each in its own feature. */
public final class StreamItems {
    /** Where an item stands in the rank order: a page starts after the last item of the one before. */
    public record Rank(Integer position, Double qualityScore, Instant createdAt, UUID id) {}

    /**
     * Ranked items first, by position; items not yet ranked after them, best score first, unscored
     * last; then the oldest first. The rank is spelt as a sort key of plain columns ({@code
     * position NULLS LAST} is {@code unranked, rank}) so that a page can start after any item with
     * one row comparison.
     */
    private static final String RANKED = """
            SELECT * FROM (
                SELECT i.id, i.position, i.company_id, c.company_number, c.name AS company_name, i.title,
                       i.priority, i.stage_id, i.created_at, i.metadata -> 'reasons' AS reasons, score.quality_score,
                       i.position IS NULL AS unranked, coalesce(i.position, 0) AS rank,
                       score.quality_score IS NULL AS unscored, -coalesce(score.quality_score, 0) AS worse
                FROM stream_items i
                JOIN companies c ON c.id = i.company_id
                CROSS JOIN LATERAL (
                    SELECT CASE WHEN jsonb_typeof(i.metadata -> 'quality_score') = 'number'
                                THEN (i.metadata ->> 'quality_score')::float8 END AS quality_score) score
                WHERE i.stream_id = ? AND i.item_type = 'company' AND i.status = 'active'
                  AND i.stream_id IN (SELECT id FROM streams WHERE org_id = coalesce(?, org_id))
            ) ranked
            WHERE %s
            ORDER BY unranked, rank, unscored, worse, created_at, id
            LIMIT ?""";

    private static final String FIRST = RANKED.formatted("true");
    private static final String NEXT =
            RANKED.formatted("(unranked, rank, unscored, worse, created_at, id) > (?, ?, ?, ?, ?, ?)");

    private final DataSource dataSource;

    public StreamItems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stream's first {@code limit} items in rank order, whatever its org. */
    public List<RankedItem> ranked(UUID streamId, int limit) {
        return ranked(null, streamId, null, limit);
    }

    /**
     * The stream's items in rank order, starting after {@code after} (the last item of the
     * previous page; null for the first page). Empty for a stream of another org than {@code
     * orgId} (null: any org).
     */
    public List<RankedItem> ranked(UUID orgId, UUID streamId, Rank after, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(after == null ? FIRST : NEXT)) {
                int i = 1;
                statement.setObject(i++, streamId);
                statement.setObject(i++, orgId, Types.OTHER);
                if (after != null) {
                    statement.setBoolean(i++, after.position() == null);
                    statement.setInt(i++, after.position() == null ? 0 : after.position());
                    statement.setBoolean(i++, after.qualityScore() == null);
                    statement.setDouble(i++, after.qualityScore() == null ? 0 : -after.qualityScore());
                    statement.setTimestamp(i++, Sql.timestamp(after.createdAt()));
                    statement.setObject(i++, after.id());
                }
                statement.setInt(i, limit);
                List<RankedItem> items = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        double score = rs.getDouble("quality_score");
                        Double qualityScore = rs.wasNull() ? null : score;
                        items.add(new RankedItem(
                                Sql.uuid(rs, "id"),
                                Sql.integer(rs, "position"),
                                rs.getLong("company_id"),
                                rs.getString("company_number"),
                                rs.getString("company_name"),
                                rs.getString("title"),
                                rs.getString("priority"),
                                qualityScore,
                                rs.getString("stage_id"),
                                rs.getString("reasons") == null
                                        ? Json.MAPPER.createArrayNode()
                                        : Json.read(rs.getString("reasons")),
                                Sql.instant(rs, "created_at")));
                    }
                }
                return items;
            }
        });
    }
}
