package io.agentry.queue;

import io.agentry.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The agent of every task must exist and belong to the task's org. An enqueue checks each
 * distinct agent and org pair of its batch once, in SQL, instead of a foreign key per row; the
 * same look-up reads the agent's type, which the task is stored with.
 */
final class Owners {
    record Owner(UUID agentId, UUID orgId) {
        static Owner of(NewTask task) {
            return new Owner(task.agentId(), task.orgId());
        }
    }

    private Owners() {}

    /** Binds the batch's distinct pairs as two arrays, agent ids then org ids, from {@code index}. */
    static void bind(Connection connection, PreparedStatement statement, int index, List<NewTask> tasks)
            throws SQLException {
        Set<Owner> owners = new LinkedHashSet<>();
        for (NewTask task : tasks) {
            owners.add(Owner.of(task));
        }
        statement.setArray(
                index, Sql.uuids(connection, owners.stream().map(Owner::agentId).toList()));
        statement.setArray(
                index + 1,
                Sql.uuids(connection, owners.stream().map(Owner::orgId).toList()));
    }

    /** Refuses the batch when the row names a pair that failed the check. */
    static void refuseUnknown(ResultSet rs) throws SQLException {
        UUID unknownAgent = Sql.uuid(rs, "unknown_agent");
        if (unknownAgent != null) {
            throw unknown(unknownAgent, Sql.uuid(rs, "unknown_org"));
        }
    }

    static IllegalArgumentException unknown(UUID agentId, UUID orgId) {
        return new IllegalArgumentException("agent " + agentId + " does not exist in organization " + orgId);
    }
}
