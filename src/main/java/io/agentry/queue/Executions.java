package io.agentry.queue;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads executions: what an attempt did, once its task has ended. */
public final class Executions {
    private static final String FIND = """
            SELECT id, status, attempts, duration_ms, output_data, metrics, error_message
            FROM agent_executions WHERE id = ?""";

    private final DataSource dataSource;

    public Executions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Execution> find(UUID id) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String output = rs.getString("output_data");
                    return Optional.of(new Execution(
                            Sql.uuid(rs, "id"),
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            Sql.integer(rs, "duration_ms"),
                            output == null ? null : Json.read(output),
                            Json.read(rs.getString("metrics")),
                            rs.getString("error_message")));
                }
            }
        });
    }
}
