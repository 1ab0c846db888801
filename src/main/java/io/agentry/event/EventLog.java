package io.agentry.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reads of {@code stream_events} behind the hub: the whole feed after the node's watermark
 * (one query per wake-up, whatever the number of subscribers), and one stream's past for a
 * subscriber catching up. Payloads are read as text and sent as they are, never parsed.
 */
final class EventLog {
    private static final String LATEST = "SELECT coalesce(max(id), 0) FROM stream_events";

    private static final String AFTER = """
            SELECT id, stream_id, event_type, payload::text
            FROM stream_events
            WHERE id > ?
            ORDER BY id
            LIMIT ?""";

    private static final String STREAM_EXISTS = "SELECT EXISTS (SELECT 1 FROM streams WHERE id = ? AND org_id = ?)";

    private static final String HISTORY = """
            SELECT id, stream_id, event_type, payload::text
            FROM stream_events
            WHERE stream_id = ? AND org_id = ? AND id > ? AND id <= ?
            ORDER BY id
            LIMIT ?""";

    /** Where a replay of the stream's last {@code n} events starts (the id before them); 0 for a stream with fewer. */
    private static final String REPLAY_START = """
            SELECT coalesce(min(id) - 1, 0)
            FROM (SELECT id FROM stream_events
                  WHERE stream_id = ? AND org_id = ?
                  ORDER BY id DESC
                  LIMIT ?) AS last""";

    private EventLog() {}

    static long latestId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(LATEST)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every stream's events after {@code afterId} that this statement's snapshot sees, oldest first. */
    static List<Event> after(Connection connection, long afterId, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AFTER)) {
            statement.setLong(1, afterId);
            statement.setInt(2, limit);
            return events(statement);
        }
    }

    static boolean streamExists(Connection connection, UUID orgId, UUID streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STREAM_EXISTS)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The org's stream's events in {@code (afterId, untilId]}, oldest first, at most {@code limit}. */
    static List<Event> history(Connection connection, UUID orgId, UUID streamId, long afterId, long untilId, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(HISTORY)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            statement.setLong(3, afterId);
            statement.setLong(4, untilId);
            statement.setInt(5, limit);
            return events(statement);
        }
    }

    /**
     * The id after which the stream's last {@code count} events begin: its latest committed ones,
     * whether or not the hub has handed them out yet.
     */
    static long replayStart(Connection connection, UUID orgId, UUID streamId, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REPLAY_START)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            statement.setInt(3, count);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Event> events(PreparedStatement statement) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                events.add(new Event(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
            }
        }
        return events;
    }
}
