package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A stream's feed of events: appended once per key, read in id order. */
public final class StreamEvents {
    private static final String APPEND = """
            INSERT INTO stream_events (stream_id, org_id, event_type, payload, dedupe_key)
            VALUES (?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (stream_id, dedupe_key) DO NOTHING""";

    private static final String SINCE = """
            SELECT id, stream_id, event_type, payload, created_at
            FROM stream_events
            WHERE stream_id = ? AND id > ?
            ORDER BY id
            LIMIT ?""";

    private static final String LAST = "SELECT coalesce(max(id), 0) FROM stream_events WHERE stream_id = ?";

    private final DataSource dataSource;

    public StreamEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stream's events after {@code afterId} (0: from the start), oldest first, at most {@code limit}. */
    public List<StreamEvent> since(UUID streamId, long afterId, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SINCE)) {
                statement.setObject(1, streamId);
                statement.setLong(2, afterId);
                statement.setInt(3, limit);
                List<StreamEvent> events = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        events.add(new StreamEvent(
                                rs.getLong("id"),
                                Sql.uuid(rs, "stream_id"),
                                rs.getString("event_type"),
                                Json.read(rs.getString("payload")),
                                Sql.instant(rs, "created_at")));
                    }
                }
                return events;
            }
        });
    }

    /** The id of the stream's latest event, 0 when it has none: where a reader that wants only new events starts. */
    public long lastId(UUID streamId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LAST)) {
                statement.setObject(1, streamId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Appends an event unless the stream already has one with this key; returns whether it did. */
    static boolean append(Connection connection, UUID streamId, UUID orgId, String type, JsonNode payload, String key)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            statement.setString(3, type);
            statement.setString(4, Json.writeForDatabase(payload));
            statement.setString(5, key);
            return statement.executeUpdate() == 1;
        }
    }
}
