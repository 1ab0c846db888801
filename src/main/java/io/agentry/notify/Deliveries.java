package io.agentry.notify;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A webhook's deliveries, newest first, each with its attempts. A delivery's status is read from
 * its task, which the queue keeps true: no second copy of the state to drift from it.
 */
public final class Deliveries {
    // The page's position, when it follows another, goes where %s is.
    private static final String PAGE = """
            SELECT d.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.task_id, d.created_at,
                   d.delivered_at, t.status AS task_status, t.scheduled_for
            FROM webhook_deliveries d
            LEFT JOIN agent_tasks t ON t.id = d.task_id AND t.org_id = d.org_id
            WHERE d.org_id = ? AND d.webhook_id = ? %s
            ORDER BY d.created_at DESC, d.id DESC
            LIMIT ?""";

    private static final String FIRST_PAGE = PAGE.formatted("");

    private static final String NEXT_PAGE = PAGE.formatted("AND (d.created_at, d.id) < (?, ?)");

    private static final String ATTEMPTS = """
            SELECT delivery_id, attempt, attempted_at, duration_ms, http_status, error
            FROM webhook_attempts
            WHERE org_id = ? AND delivery_id = ANY (?::uuid[])
            ORDER BY delivery_id, attempt""";

    private final DataSource dataSource;

    public Deliveries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} deliveries of the webhook, newest first, after {@code after} (null: from the newest). */
    public List<Delivery> list(UUID orgId, UUID webhookId, After after, int limit) {
        return Sql.run(dataSource, connection -> {
            List<Row> rows = rows(connection, orgId, webhookId, after, limit);
            Map<UUID, List<Delivery.Attempt>> attempts =
                    attempts(connection, orgId, rows.stream().map(Row::id).toList());
            return rows.stream()
                    .map(row -> row.delivery(attempts.getOrDefault(row.id(), List.of())))
                    .toList();
        });
    }

    private static List<Row> rows(Connection connection, UUID orgId, UUID webhookId, After after, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(after == null ? FIRST_PAGE : NEXT_PAGE)) {
            int i = 1;
            statement.setObject(i++, orgId);
            statement.setObject(i++, webhookId);
            if (after != null) {
                statement.setTimestamp(i++, Sql.timestamp(after.createdAt()));
                statement.setObject(i++, after.id());
            }
            statement.setInt(i, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            Sql.uuid(rs, "id"),
                            Sql.uuid(rs, "webhook_id"),
                            Sql.uuid(rs, "event_id"),
                            rs.getString("event_type"),
                            rs.getString("payload"),
                            Sql.uuid(rs, "task_id"),
                            Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "delivered_at"),
                            rs.getString("task_status"),
                            Sql.instant(rs, "scheduled_for")));
                }
            }
            return rows;
        }
    }

    private static Map<UUID, List<Delivery.Attempt>> attempts(Connection connection, UUID orgId, List<UUID> ids)
            throws SQLException {
        Map<UUID, List<Delivery.Attempt>> attempts = new HashMap<>();
        if (ids.isEmpty()) {
            return attempts;
        }
        try (PreparedStatement statement = connection.prepareStatement(ATTEMPTS)) {
            statement.setObject(1, orgId);
            statement.setArray(2, Sql.uuids(connection, ids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    attempts.computeIfAbsent(Sql.uuid(rs, "delivery_id"), id -> new ArrayList<>())
                            .add(new Delivery.Attempt(
                                    rs.getInt("attempt"),
                                    Sql.instant(rs, "attempted_at"),
                                    rs.getInt("duration_ms"),
                                    Sql.integer(rs, "http_status"),
                                    rs.getString("error")));
                }
            }
        }
        return attempts;
    }

    private record Row(
            UUID id,
            UUID webhookId,
            UUID eventId,
            String eventType,
            String payload,
            UUID taskId,
            Instant createdAt,
            Instant deliveredAt,
            String taskStatus,
            Instant scheduledFor) {

        Delivery delivery(List<Delivery.Attempt> attempts) {
            Delivery.Status status = status();
            Instant next = status == Delivery.Status.PENDING && "pending".equals(taskStatus) ? scheduledFor : null;
            return new Delivery(
                    id,
                    webhookId,
                    eventId,
                    eventType,
                    status,
                    createdAt,
                    deliveredAt,
                    next,
                    taskId,
                    List.copyOf(attempts),
                    Json.read(payload));
        }

        /** A task that ended without a delivery (failed, cancelled, or pruned) left it undelivered for good. */
        private Delivery.Status status() {
            if (deliveredAt != null) {
                return Delivery.Status.DELIVERED;
            }
            if ("pending".equals(taskStatus) || "processing".equals(taskStatus)) {
                return Delivery.Status.PENDING;
            }
            return Delivery.Status.FAILED;
        }
    }
}
