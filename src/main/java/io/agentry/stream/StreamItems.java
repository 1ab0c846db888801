package io.agentry.stream;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads a stream's company items in rank order. Agents write them, each in its own feature. */
public final class StreamItems {
    /** Ranked items first; items not yet ranked after them, best score first. */
    private static final String RANKED = """
            SELECT i.id, i.position, i.company_id, c.company_number, i.title, i.priority, i.stage_id,
                   CASE WHEN jsonb_typeof(i.metadata -> 'quality_score') = 'number'
                        THEN (i.metadata ->> 'quality_score')::float8 END AS quality_score,
                   i.metadata -> 'reasons' AS reasons
            FROM stream_items i JOIN companies c ON c.id = i.company_id
            WHERE i.stream_id = ? AND i.item_type = 'company' AND i.status = 'active'
            ORDER BY i.position NULLS LAST, quality_score DESC NULLS LAST, i.created_at, i.id
            LIMIT ?""";

    private final DataSource dataSource;

    public StreamItems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<RankedItem> ranked(UUID streamId, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RANKED)) {
                statement.setObject(1, streamId);
                statement.setInt(2, limit);
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
                                rs.getString("title"),
                                rs.getString("priority"),
                                qualityScore,
                                rs.getString("stage_id"),
                                rs.getString("reasons") == null
                                        ? Json.MAPPER.createArrayNode()
                                        : Json.read(rs.getString("reasons"))));
                    }
                }
                return items;
            }
        });
    }
}
