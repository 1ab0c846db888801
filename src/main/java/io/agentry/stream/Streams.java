package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Creates and reads streams. Every stream belongs to one org; reads are scoped to it. */
public final class Streams {
    private static final String COLUMNS = """
            id, org_id, name, description, stream_type, status, goal_criteria, target_metrics, current_progress,
            goal_deadline, goal_status, created_at, updated_at""";

    private static final String INSERT = """
            INSERT INTO streams (org_id, name, description, goal_criteria, target_metrics, goal_deadline)
            VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?)
            RETURNING %s""".formatted(COLUMNS);

    private static final String FIND = "SELECT " + COLUMNS + " FROM streams WHERE id = ?";

    private static final String LIST =
            "SELECT " + COLUMNS + " FROM streams WHERE org_id = ? ORDER BY created_at DESC, id LIMIT ?";

    private final DataSource dataSource;
    private final ReferenceData reference;

    public Streams(DataSource dataSource, ReferenceData reference) {
        this.dataSource = dataSource;
        this.reference = reference;
    }

    /**
     * Creates a stream after checking its name and goal.
     *
     * @throws InvalidGoalException naming each field that is wrong; nothing is written
     */
    public Stream create(UUID orgId, NewStream stream) {
        List<InvalidGoalException.FieldError> errors = new ArrayList<>();
        if (stream.name() == null || stream.name().isBlank()) {
            errors.add(new InvalidGoalException.FieldError("name", "a stream needs a name"));
        }
        try {
            Goal.of(stream.goalCriteria(), stream.targetMetrics(), reference);
        } catch (InvalidGoalException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidGoalException(errors);
        }
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setObject(1, orgId);
                statement.setString(2, stream.name().strip());
                statement.setString(3, stream.description());
                statement.setString(4, Json.writeForDatabase(orEmpty(stream.goalCriteria())));
                statement.setString(5, Json.writeForDatabase(orEmpty(stream.targetMetrics())));
                statement.setTimestamp(6, Sql.timestamp(stream.goalDeadline()));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    public Optional<Stream> find(UUID streamId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, streamId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The org's streams, newest first. */
    public List<Stream> list(UUID orgId, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                statement.setObject(1, orgId);
                statement.setInt(2, limit);
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
