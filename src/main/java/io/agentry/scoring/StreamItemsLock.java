package io.agentry.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The lock under which discovery adds to a stream's items and scoring reorders them: a
 * transaction-level advisory lock per stream. Without it, a discovery run could number its new
 * items while a scoring run renumbers the stream, or two discovery runs could each see the
 * stream short of its target and both fill it.
 */
public final class StreamItemsLock {
    // The two-key form keeps these locks apart from the single-key ones (the leader lock): the
    // first key says "a stream's items", the second is the stream.
    private static final String LOCK = "SELECT pg_advisory_xact_lock(1735356417, hashtext(?::text))";

    private StreamItemsLock() {}

    /** Waits for the stream's items; held until the transaction of {@code connection} ends. */
    public static void lock(Connection connection, UUID streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, streamId.toString());
            statement.execute();
        }
    }
}
