package io.agentry.event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which transactions may still add rows to {@code stream_events}, by their virtual transaction
 * ids ({@code pg_locks.virtualtransaction}).
 *
 * <p>An INSERT takes its RowExclusiveLock on the table when the statement starts, before the
 * column default draws the row's id from the sequence, and holds it until the transaction ends.
 * So a transaction that drew an id and has not ended yet holds that lock, whether or not it has
 * a transaction id of its own yet. Every transaction holds a lock on its virtual id for as long as
 * it runs, so a virtual id that holds no lock any more has ended. (Prepared transactions, which
 * Agentry does not use, would escape this: they move their locks to another virtual id.)
 */
final class Inserters {
    private static final String NOW = """
            SELECT DISTINCT virtualtransaction
            FROM pg_locks
            WHERE locktype = 'relation'
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND relation = 'stream_events'::regclass
              AND mode = 'RowExclusiveLock'""";

    private static final String RUNNING = """
            SELECT DISTINCT virtualtransaction FROM pg_locks WHERE virtualtransaction = ANY (?)""";

    private Inserters() {}

    /** The transactions that hold the lock an INSERT into {@code stream_events} takes. */
    static Set<String> now(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NOW)) {
            return strings(statement);
        }
    }

    /** Those of {@code transactions} that are still running. */
    static Set<String> running(Connection connection, Set<String> transactions) throws SQLException {
        if (transactions.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement statement = connection.prepareStatement(RUNNING)) {
            Array array = connection.createArrayOf("text", transactions.toArray());
            statement.setArray(1, array);
            return strings(statement);
        }
    }

    private static Set<String> strings(PreparedStatement statement) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
