package io.agentry.notify;

import io.agentry.db.Sql;
import io.agentry.support.Ids;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An org's webhooks: registered with a signing secret shown once, listed, deleted. Every statement
 * names the org, whatever the data source (a tenant's, confined to its org by row-level security,
 * or the engine's).
 */
public final class Webhooks {
    private static final String COLUMNS = "id, url, events, description, created_at";

    // The org's notifier agent is made with its first webhook, so that it is there to see before
    // any delivery needs it (agentry_webhook_event would make it otherwise).
    private static final String CREATE = """
            WITH notifier AS (SELECT agentry_webhook_notifier(?) AS id)
            INSERT INTO webhooks (id, org_id, url, events, description, secret)
            SELECT ?, ?, ?, ?, ?, ? FROM notifier
            RETURNING %s""".formatted(COLUMNS);

    private static final String PAGE = """
            SELECT %s FROM webhooks
            WHERE org_id = ? %%s
            ORDER BY created_at DESC, id DESC
            LIMIT ?""".formatted(COLUMNS);

    private static final String FIRST_PAGE = PAGE.formatted("");

    private static final String NEXT_PAGE = PAGE.formatted("AND (created_at, id) < (?, ?)");

    private static final String FIND = "SELECT %s FROM webhooks WHERE org_id = ? AND id = ?".formatted(COLUMNS);

    private static final String DELETE = "DELETE FROM webhooks WHERE org_id = ? AND id = ?";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public Webhooks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A webhook just registered, with the secret its deliveries are signed with: shown this once. */
    public record Created(Webhook webhook, String secret) {}

    public Created create(UUID orgId, NewWebhook request) {
        String secret = newSecret();
        Webhook webhook = Sql.transaction(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CREATE)) {
                statement.setObject(1, orgId);
                statement.setObject(2, Ids.newId());
                statement.setObject(3, orgId);
                statement.setString(4, request.url());
                statement.setArray(5, eventNames(connection, request.events()));
                statement.setString(6, request.description());
                statement.setString(7, secret);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return webhook(rs);
                }
            }
        });
        return new Created(webhook, secret);
    }

    /** Up to {@code limit} webhooks of the org, newest first, after {@code after} (null: from the newest). */
    public List<Webhook> list(UUID orgId, After after, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(after == null ? FIRST_PAGE : NEXT_PAGE)) {
                int i = 1;
                statement.setObject(i++, orgId);
                if (after != null) {
                    statement.setTimestamp(i++, Sql.timestamp(after.createdAt()));
                    statement.setObject(i++, after.id());
                }
                statement.setInt(i, limit);
                List<Webhook> webhooks = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        webhooks.add(webhook(rs));
                    }
                }
                return webhooks;
            }
        });
    }

    public Optional<Webhook> find(UUID orgId, UUID webhookId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, orgId);
                statement.setObject(2, webhookId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(webhook(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Deletes the webhook with its deliveries and their attempts. Deliveries still pending are not
     * sent: their tasks find nothing to send. False when the org has no such webhook.
     */
    public boolean delete(UUID orgId, UUID webhookId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                statement.setObject(1, orgId);
                statement.setObject(2, webhookId);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** 32 random bytes: as strong as the HMAC-SHA256 key they become. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Array eventNames(Connection connection, List<EventType> events) throws SQLException {
        return Sql.texts(connection, events.stream().map(EventType::value).toList());
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        List<EventType> events = Arrays.stream((String[]) rs.getArray("events").getArray())
                .map(name -> EventType.of(name).orElseThrow())
                .toList();
        return new Webhook(
                Sql.uuid(rs, "id"),
                rs.getString("url"),
                events,
                rs.getString("description"),
                Sql.instant(rs, "created_at"));
    }
}
