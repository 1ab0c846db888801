package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Creates, reads and changes streams. Every stream belongs to one org; reads are scoped to it. */
public final class Streams {
    public static final List<String> TYPES = List.of("prospecting", "research", "monitoring", "collection");
    public static final List<String> STATUSES = List.of("active", "paused", "archived");
    public static final int MAX_NAME = 200;

    private static final String COLUMNS = """
            id, org_id, name, description, stream_type, status, goal_criteria, target_metrics, current_progress,
            goal_deadline, goal_status, created_at, updated_at""";

    private static final String INSERT = """
            INSERT INTO streams (org_id, name, description, stream_type, goal_criteria, target_metrics, goal_deadline)
            VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
            RETURNING %s""".formatted(COLUMNS);

    private static final String FIND = "SELECT " + COLUMNS + " FROM streams WHERE id = ?";

    private static final String FIND_IN_ORG = "SELECT " + COLUMNS + " FROM streams WHERE id = ? AND org_id = ?";

    // The conditions in brackets are added when the page asks for them.
    private static final String PAGE = "SELECT " + COLUMNS + " FROM streams WHERE org_id = ?";
    private static final String PAGE_NAMED = " AND name = ?";
    private static final String PAGE_AFTER = " AND (created_at, id) < (?, ?)";
    private static final String PAGE_ORDER = " ORDER BY created_at DESC, id DESC LIMIT ?";

    private static final String LOCK = FIND_IN_ORG + " FOR UPDATE";

    private static final String UPDATE = """
            UPDATE streams SET name = ?, description = ?, goal_criteria = ?::jsonb, target_metrics = ?::jsonb,
                               goal_deadline = ?, status = ?, updated_at = now()
            WHERE id = ? AND org_id = ?""";

    // What an execution publishes (StreamFeed), kept true when the goal or the status changes.
    private static final String STORE_PROGRESS = """
            UPDATE streams SET current_progress = ?::jsonb, goal_status = ?
            WHERE id = ? AND org_id = ?
            RETURNING %s""".formatted(COLUMNS);

    private final DataSource dataSource;
    private final ReferenceData reference;

    public Streams(DataSource dataSource, ReferenceData reference) {
        this.dataSource = dataSource;
        this.reference = reference;
    }

    /**
     * Creates a stream after checking its name, type and goal.
     *
     * @throws InvalidGoalException naming each field that is wrong; nothing is written
     */
    public Stream create(UUID orgId, NewStream stream) {
        String type = stream.streamType() == null ? TYPES.get(0) : stream.streamType();
        check(stream.name(), type, TYPES, "stream_type", stream.goalCriteria(), stream.targetMetrics());
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setObject(1, orgId);
                statement.setString(2, stream.name().strip());
                statement.setString(3, stream.description());
                statement.setString(4, type);
                statement.setString(5, Json.writeForDatabase(orEmpty(stream.goalCriteria())));
                statement.setString(6, Json.writeForDatabase(orEmpty(stream.targetMetrics())));
                statement.setTimestamp(7, Sql.timestamp(stream.goalDeadline()));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    /**
     * Changes a stream: the fields the change gives, checked together with those it keeps (new
     * targets against the current criteria, say). The stored progress and goal status are worked
     * out again at once, as of {@code now}, since a new target or status changes them. Empty when
     * the org has no such stream.
     *
     * @throws InvalidGoalException naming each field that is wrong; nothing is written
     */
    public Optional<Stream> update(UUID orgId, UUID streamId, StreamChange change, Instant now) {
        return Sql.transaction(dataSource, connection -> {
            Optional<Stream> found = lock(connection, orgId, streamId);
            if (found.isEmpty()) {
                return found;
            }
            Stream current = found.get();
            String name = change.name() != null ? change.name() : current.name();
            String status = change.status() != null ? change.status() : current.status();
            JsonNode criteria = change.goalCriteria() != null ? change.goalCriteria() : current.goalCriteria();
            JsonNode targets = change.targetMetrics() != null ? change.targetMetrics() : current.targetMetrics();
            check(name, status, STATUSES, "status", criteria, targets);
            try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
                statement.setString(1, name.strip());
                statement.setString(
                        2, change.description() != null ? change.description().orElse(null) : current.description());
                statement.setString(3, Json.writeForDatabase(orEmpty(criteria)));
                statement.setString(4, Json.writeForDatabase(orEmpty(targets)));
                Instant deadline =
                        change.goalDeadline() != null ? change.goalDeadline().orElse(null) : current.goalDeadline();
                statement.setTimestamp(5, Sql.timestamp(deadline));
                statement.setString(6, status);
                statement.setObject(7, streamId);
                statement.setObject(8, orgId);
                statement.executeUpdate();
            }
            return Optional.of(storeProgress(connection, orgId, streamId, now));
        });
    }

    /** Any stream by id, whatever its org: for the engine, which works for every org. */
    public Optional<Stream> find(UUID streamId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, streamId);
                return one(statement);
            }
        });
    }

    /** The org's stream; empty for another org's. */
    public Optional<Stream> find(UUID orgId, UUID streamId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND_IN_ORG)) {
                statement.setObject(1, streamId);
                statement.setObject(2, orgId);
                return one(statement);
            }
        });
    }

    /** The org's streams, newest first. */
    public List<Stream> list(UUID orgId, int limit) {
        return page(orgId, null, null, limit);
    }

    /**
     * A page of the org's streams, newest first.
     *
     * @param name only the streams of exactly this name; null for all
     * @param after the last stream of the previous page; null for the first page
     */
    public List<Stream> page(UUID orgId, String name, After after, int limit) {
        String sql = PAGE + (name != null ? PAGE_NAMED : "") + (after != null ? PAGE_AFTER : "") + PAGE_ORDER;
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setObject(i++, orgId);
                if (name != null) {
                    statement.setString(i++, name);
                }
                if (after != null) {
                    statement.setTimestamp(i++, Sql.timestamp(after.createdAt()));
                    statement.setObject(i++, after.id());
                }
                statement.setInt(i, limit);
                List<Stream> streams = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        streams.add(read(rs));
                    }
                }
                return streams;
            }
        });
    }

    /** Refuses, all at once, a missing or too long name, a value not among {@code allowed}, and a bad goal. */
    private void check(
            String name, String value, List<String> allowed, String field, JsonNode criteria, JsonNode targets) {
        List<InvalidGoalException.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new InvalidGoalException.FieldError("name", "a stream needs a name"));
        } else if (name.strip().length() > MAX_NAME) {
            errors.add(new InvalidGoalException.FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (!allowed.contains(value)) {
            errors.add(new InvalidGoalException.FieldError(
                    field, "must be one of " + String.join(", ", allowed) + ", was '" + value + "'"));
        }
        try {
            Goal.of(criteria, targets, reference);
        } catch (InvalidGoalException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidGoalException(errors);
        }
    }

    private static Optional<Stream> lock(Connection connection, UUID orgId, UUID streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setObject(1, streamId);
            statement.setObject(2, orgId);
            return one(statement);
        }
    }

    private static Stream storeProgress(Connection connection, UUID orgId, UUID streamId, Instant now)
            throws SQLException {
        Progress progress = StreamProgress.read(connection, streamId, now).orElseThrow();
        try (PreparedStatement statement = connection.prepareStatement(STORE_PROGRESS)) {
            statement.setString(1, Json.writeForDatabase(progress.toJson()));
            statement.setString(2, progress.goalStatus().value());
            statement.setObject(3, streamId);
            statement.setObject(4, orgId);
            return one(statement).orElseThrow();
        }
    }

    private static Optional<Stream> one(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private static Object orEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? Json.object() : node;
    }

    private static Stream read(ResultSet rs) throws SQLException {
        return new Stream(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "org_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("stream_type"),
                rs.getString("status"),
                Json.read(rs.getString("goal_criteria")),
                Json.read(rs.getString("target_metrics")),
                Json.read(rs.getString("current_progress")),
                Sql.instant(rs, "goal_deadline"),
                rs.getString("goal_status"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
