package io.agentry.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Organizations and their agents, as the command line needs them: found by name or type, and made
 * on first use. Each lookup-or-create runs under a transaction-scoped advisory lock on what it
 * looks for, so two commands starting at once make one row, not two.
 */
public final class Organizations {
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";

    private static final String FIND_ORG =
            "SELECT id FROM organizations WHERE name = ? ORDER BY created_at, id LIMIT 1";
    private static final String INSERT_ORG = "INSERT INTO organizations (name) VALUES (?) RETURNING id";

    /** The org's oldest active agent of the type: the one the command line runs. */
    private static final String FIND_AGENT = """
            SELECT id FROM ai_agents WHERE org_id = ? AND agent_type = ? AND is_active
            ORDER BY created_at, id LIMIT 1""";

    private static final String INSERT_AGENT =
            "INSERT INTO ai_agents (org_id, agent_type, name) VALUES (?, ?, ?) RETURNING id";

    private static final String CONFIGURE =
            "UPDATE ai_agents SET configuration = ?::jsonb, updated_at = now() WHERE id = ?";

    private static final String CREATE = """
            INSERT INTO organizations (name) SELECT ?
            WHERE NOT EXISTS (SELECT 1 FROM organizations WHERE name = ?)
            RETURNING id, name, created_at""";

    private static final String LIST = "SELECT id, name, created_at FROM organizations ORDER BY created_at, id";

    private final DataSource dataSource;

    public Organizations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<UUID> find(String name) {
        return Sql.run(dataSource, connection -> firstId(connection, FIND_ORG, List.of(name)));
    }

    /** The oldest org with this name, created when there is none. */
    public UUID findOrCreate(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an organization needs a name");
        }
        return findOrInsert("org:" + name, FIND_ORG, List.of(name), INSERT_ORG, List.of(name));
    }

    /** A new org; refused when one has the name already (the command line finds orgs by name). */
    public Organization create(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an organization needs a name");
        }
        String trimmed = name.strip();
        return Sql.transaction(dataSource, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setString(1, "org:" + trimmed);
                lock.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement(CREATE)) {
                statement.setString(1, trimmed);
                statement.setString(2, trimmed);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new DuplicateOrganizationException(trimmed);
                    }
                    return organization(rs);
                }
            }
        });
    }

    public List<Organization> list() {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST);
                    ResultSet rs = statement.executeQuery()) {
                List<Organization> orgs = new java.util.ArrayList<>();
                while (rs.next()) {
                    orgs.add(organization(rs));
                }
                return orgs;
            }
        });
    }

    private static Organization organization(ResultSet rs) throws SQLException {
        return new Organization(rs.getObject("id", UUID.class), rs.getString("name"), Sql.instant(rs, "created_at"));
    }

    /** The org's active agent of this type, created (named {@code name}) when it has none. */
    public UUID agentOfType(UUID orgId, String agentType, String name) {
        return findOrInsert(
                "agent:" + orgId + ":" + agentType,
                FIND_AGENT,
                List.of(orgId, agentType),
                INSERT_AGENT,
                List.of(orgId, agentType, name));
    }

    /** Replaces the agent's configuration. */
    public void configure(UUID agentId, JsonNode configuration) {
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CONFIGURE)) {
                statement.setString(1, Json.writeForDatabase(configuration));
                statement.setObject(2, agentId);
                return statement.executeUpdate();
            }
        });
    }

    private UUID findOrInsert(String lockKey, String find, List<Object> findBy, String insert, List<Object> values) {
        return Sql.transaction(dataSource, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setString(1, lockKey);
                lock.execute();
            }
            Optional<UUID> found = firstId(connection, find, findBy);
            return found.isPresent()
                    ? found.get()
                    : firstId(connection, insert, values).orElseThrow();
        });
    }

    private static Optional<UUID> firstId(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }
}
