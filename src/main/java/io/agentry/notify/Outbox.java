package io.agentry.notify;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The notifier's side of the deliveries: what to send, and what each attempt got. */
final class Outbox {
    private static final String FIND = """
            SELECT d.payload::text AS body, d.event_type, d.delivered_at IS NOT NULL AS delivered, w.url, w.secret
            FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
            WHERE d.org_id = ? AND d.id = ?""";

    // Keyed by the task's attempt number: writing the same attempt twice records it once.
    private static final String RECORD = """
            WITH attempt AS (
                INSERT INTO webhook_attempts (delivery_id, attempt, org_id, attempted_at, duration_ms, http_status, error)
                SELECT d.id, ?, d.org_id, ?, ?, ?, ? FROM webhook_deliveries d
                WHERE d.org_id = ? AND d.id = ?
                ON CONFLICT (delivery_id, attempt) DO NOTHING
            )
            UPDATE webhook_deliveries SET delivered_at = ?
            WHERE org_id = ? AND id = ? AND ? AND delivered_at IS NULL""";

    private final DataSource dataSource;

    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What a delivery sends, and where.
     *
     * @param body the exact bytes to POST and sign, as text
     * @param delivered an earlier attempt was answered with a 2xx (its task's completion was lost)
     */
    record Outgoing(String body, String eventType, boolean delivered, String url, String secret) {}

    /** The delivery, unless its webhook (and with it the delivery) was deleted. */
    Optional<Outgoing> find(UUID orgId, UUID deliveryId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, orgId);
                statement.setObject(2, deliveryId);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Outgoing(
                            rs.getString("body"),
                            rs.getString("event_type"),
                            rs.getBoolean("delivered"),
                            rs.getString("url"),
                            rs.getString("secret")));
                }
            }
        });
    }

    /** Records attempt number {@code attempt}, and the delivery as delivered when it got a 2xx. */
    void record(UUID orgId, UUID deliveryId, int attempt, Exchange exchange) {
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
                statement.setInt(1, attempt);
                statement.setTimestamp(2, Sql.timestamp(exchange.at()));
                statement.setInt(3, exchange.durationMs());
                if (exchange.httpStatus() == null) {
                    statement.setNull(4, Types.INTEGER);
                } else {
                    statement.setInt(4, exchange.httpStatus());
                }
                statement.setString(5, exchange.error());
                statement.setObject(6, orgId);
                statement.setObject(7, deliveryId);
                statement.setTimestamp(8, Sql.timestamp(exchange.at()));
                statement.setObject(9, orgId);
                statement.setObject(10, deliveryId);
                statement.setBoolean(11, exchange.delivered());
                return statement.executeUpdate();
            }
        });
    }
}
