package io.agentry.testing;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.queue.Task;
import io.agentry.queue.TaskQueue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/** Rows that tests need as context: an organization and its agents. */
public final class Fixtures {
    private final Database database;

    public Fixtures(Database database) {
        this.database = database;
    }

    public UUID organization() {
        return insert("INSERT INTO organizations (name) VALUES ('Acme Sales') RETURNING id");
    }

    public UUID agent(UUID orgId, String agentType) {
        return agent(orgId, agentType, "{}");
    }

    public UUID agent(UUID orgId, String agentType, String configurationJson) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO ai_agents (org_id, agent_type, name, configuration) VALUES (?, ?, ?, ?::jsonb) RETURNING id")) {
                statement.setObject(1, orgId);
                statement.setString(2, agentType);
                statement.setString(3, agentType + " agent");
                statement.setString(4, configurationJson);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, UUID.class);
                }
            }
        });
    }

    public void deactivate(UUID agentId) {
        execute("UPDATE ai_agents SET is_active = false WHERE id = '" + agentId + "'");
    }

    public Task task(UUID taskId) {
        return new TaskQueue(database.dataSource()).find(taskId).orElseThrow();
    }

    public Execution execution(UUID executionId) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT * FROM agent_executions WHERE id = ?")) {
                statement.setObject(1, executionId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return new Execution(
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            rs.getString("error_message"),
                            rs.getString("output_data"),
                            rs.getString("metrics"),
                            (Integer) rs.getObject("duration_ms"),
                            rs.getObject("started_at") != null,
                            rs.getObject("completed_at") != null);
                }
            }
        });
    }

    /** The columns of an execution that tests check. */
    public record Execution(
            String status,
            int attempts,
            String errorMessage,
            String outputJson,
            String metricsJson,
            Integer durationMs,
            boolean started,
            boolean completed) {}

    public long count(String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public String text(String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /** Runs a query exactly as written and counts the rows it returns. */
    public int rows(String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                return rows;
            }
        });
    }

    /** Deletes every task and every execution: an empty queue for the next test. */
    public void emptyQueue() {
        execute("DELETE FROM agent_tasks");
        execute("DELETE FROM agent_executions");
    }

    public void execute(String sql) {
        Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return statement.execute();
            }
        });
    }

    private UUID insert(String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
    }
}
