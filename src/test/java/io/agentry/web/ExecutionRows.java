package io.agentry.web;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An {@code agent_executions} row written straight into the table, with the values a test
 * chooses: {@code anExecution(org, agent).failed("boom").took(120).createdAgo(Duration.ofHours(2))}.
 * It ends (completed_at) when it was created plus its duration, unless told otherwise.
 */
final class ExecutionRows {
    private final UUID orgId;
    private final UUID agentId;
    private UUID streamId;
    private String status = "completed";
    private Integer durationMs = 100;
    private String errorMessage;
    private String metrics = "{}";
    private Duration createdAgo = Duration.ofMinutes(5);
    private Duration endedAgo;

    private ExecutionRows(UUID orgId, UUID agentId) {
        this.orgId = orgId;
        this.agentId = agentId;
    }

    static ExecutionRows anExecution(UUID orgId, UUID agentId) {
        return new ExecutionRows(orgId, agentId);
    }

    ExecutionRows completed() {
        this.status = "completed";
        return this;
    }

    ExecutionRows failed(String error) {
        this.status = "failed";
        this.errorMessage = error;
        return this;
    }

    ExecutionRows status(String value) {
        this.status = value;
        return this;
    }

    ExecutionRows took(Integer millis) {
        this.durationMs = millis;
        return this;
    }

    ExecutionRows onStream(UUID value) {
        this.streamId = value;
        return this;
    }

    ExecutionRows metrics(String json) {
        this.metrics = json;
        return this;
    }

    ExecutionRows createdAgo(Duration value) {
        this.createdAgo = value;
        return this;
    }

    ExecutionRows endedAgo(Duration value) {
        this.endedAgo = value;
        return this;
    }

    UUID insert(DataSource dataSource) {
        UUID id = UUID.randomUUID();
        boolean ended = status.equals("completed") || status.equals("failed") || status.equals("cancelled");
        Duration endAgo = endedAgo != null ? endedAgo : createdAgo.minusMillis(durationMs == null ? 0 : durationMs);
        Sql.run(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO agent_executions (id, agent_id, org_id, stream_id, status, duration_ms, error_message,
                                                  metrics, created_at, started_at, completed_at, input_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, now() - make_interval(secs => ?),
                            now() - make_interval(secs => ?), now() - make_interval(secs => ?), '{"source": "test"}')
                    """)) {
                insert.setObject(1, id);
                insert.setObject(2, agentId);
                insert.setObject(3, orgId);
                insert.setObject(4, streamId);
                insert.setString(5, status);
                insert.setObject(6, durationMs, Types.INTEGER);
                insert.setString(7, errorMessage);
                insert.setString(8, metrics);
                insert.setDouble(9, createdAgo.toMillis() / 1000.0);
                insert.setDouble(10, createdAgo.toMillis() / 1000.0);
                insert.setObject(11, ended ? endAgo.toMillis() / 1000.0 : null, Types.DOUBLE);
                return insert.executeUpdate();
            }
        });
        return id;
    }
}
