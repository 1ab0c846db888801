package io.agentry.testing;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;

/** Streams and their non-company items for tests. */
public final class TestStreams {
    private TestStreams() {}

    /** A stream of {@code orgId} with this goal (JSON objects). */
    public static UUID aStream(DataSource dataSource, UUID orgId, String goalCriteria, String targetMetrics) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO streams (org_id, name, goal_criteria, target_metrics)"
                            + " VALUES (?, 'UK software prospects', ?::jsonb, ?::jsonb) RETURNING id")) {
                insert.setObject(1, orgId);
                insert.setString(2, goalCriteria);
                insert.setString(3, targetMetrics);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getObject(1, UUID.class);
                }
            }
        });
    }

    /** A note on the stream, at {@code position}. */
    public static UUID aNote(DataSource dataSource, UUID streamId, String title, int position) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO stream_items (stream_id, item_type, title, position) VALUES (?, 'note', ?, ?) RETURNING id")) {
                insert.setObject(1, streamId);
                insert.setString(2, title);
                insert.setInt(3, position);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getObject(1, UUID.class);
                }
            }
        });
    }

    /** A company already on the stream, as a user would add it by hand: no score yet. */
    public static UUID aCompanyItem(DataSource dataSource, UUID streamId, long companyId, int position) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO stream_items (stream_id, item_type, company_id, title, position)"
                            + " SELECT ?, 'company', id, name, ? FROM companies WHERE id = ? RETURNING id")) {
                insert.setObject(1, streamId);
                insert.setInt(2, position);
                insert.setLong(3, companyId);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getObject(1, UUID.class);
                }
            }
        });
    }
}
