package io.agentry.key;

import io.agentry.db.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Org keys: made with 32 random bytes, stored as their SHA-256 alone, checked against the
 * database on every request, so a revoked key is refused at once on every node.
 */
public final class ApiKeys {
    /** What every key starts with, so that one found in a log or a repository is recognised. */
    public static final String PREFIX = "agk_";

    private static final String INSERT = """
            INSERT INTO api_keys (org_id, name, role, key_hash) VALUES (?, ?, ?, ?)
            RETURNING id, org_id, name, role, created_at, last_used_at, revoked_at""";

    private static final String LIST = """
            SELECT id, org_id, name, role, created_at, last_used_at, revoked_at FROM api_keys
            WHERE org_id = ? ORDER BY created_at, id""";

    private static final String REVOKE = """
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = ? AND org_id = ?""";

    // last_used_at is written at most once a minute per key: a busy key is not one write per request.
    private static final String AUTHENTICATE = """
            WITH hit AS (SELECT id, org_id, role, last_used_at FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL),
            touched AS (
                UPDATE api_keys k SET last_used_at = now() FROM hit
                WHERE k.id = hit.id AND (hit.last_used_at IS NULL OR hit.last_used_at < now() - interval '1 minute')
            )
            SELECT id, org_id, role FROM hit""";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public ApiKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public NewKey create(UUID orgId, String name, KeyRole role) {
        String key = PREFIX + randomText();
        ApiKey created = Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setObject(1, orgId);
                statement.setString(2, name);
                statement.setString(3, role.sql());
                statement.setBytes(4, hash(key));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return key(rs);
                }
            }
        });
        return new NewKey(created, key);
    }

    public List<ApiKey> list(UUID orgId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                statement.setObject(1, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    List<ApiKey> keys = new ArrayList<>();
                    while (rs.next()) {
                        keys.add(key(rs));
                    }
                    return keys;
                }
            }
        });
    }

    /** Revokes the org's key; false when the org has no such key. Revoking twice keeps the first time. */
    public boolean revoke(UUID orgId, UUID keyId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(REVOKE)) {
                statement.setObject(1, keyId);
                statement.setObject(2, orgId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** The holder of a key that exists and is not revoked. */
    public Optional<KeyHolder> authenticate(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(AUTHENTICATE)) {
                statement.setBytes(1, hash(key));
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new KeyHolder(
                                    rs.getObject("id", UUID.class),
                                    rs.getObject("org_id", UUID.class),
                                    KeyRole.parse(rs.getString("role")).orElseThrow()))
                            : Optional.empty();
                }
            }
        });
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getString("name"),
                KeyRole.parse(rs.getString("role")).orElseThrow(),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_used_at"),
                Sql.instant(rs, "revoked_at"));
    }

    /** 32 random bytes, URL-safe. Also used for other secrets shown once (webhook secrets). */
    public static String randomText() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
