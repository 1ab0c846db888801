package io.agentry.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Small JDBC conveniences shared by the repositories. SQL itself stays with each feature. */
public final class Sql {
    private Sql() {}

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. */
    public static <T> T run(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The transaction {@link #transaction} runs on this thread, and what to do once it commits. */
    private record Open(Connection connection, List<Runnable> afterCommit) {}

    private static final ThreadLocal<Open> open = new ThreadLocal<>();

    /**
     * Runs {@code work} in one transaction on a pooled connection: committed if it returns, else
     * rolled back. The pool restores auto-commit when the connection goes back. Actions given to
     * {@link #afterCommit} meanwhile run once it committed, and are dropped if it rolled back.
     */
    public static <T> T transaction(DataSource dataSource, Work<T> work) {
        Open outer = open.get();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Open current = new Open(connection, new ArrayList<>());
            open.set(current);
            T result;
            try {
                result = work.apply(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                open.set(outer);
            }
            current.afterCommit().forEach(Runnable::run);
            return result;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Runs {@code action} once what was just written on {@code connection} is committed: at once
     * in auto-commit mode, after the commit when it is the transaction {@link #transaction} runs
     * on this thread, and never in a transaction someone else manages (whose writer must see to
     * it, or do without).
     */
    public static void afterCommit(Connection connection, Runnable action) throws SQLException {
        Open current = open.get();
        if (current != null && current.connection() == connection) {
            current.afterCommit().add(action);
        } else if (connection.getAutoCommit()) {
            action.run();
        }
    }

    public static Array uuids(Connection connection, Collection<UUID> values) throws SQLException {
        return connection.createArrayOf("uuid", values.toArray());
    }

    public static Array ints(Connection connection, Collection<Integer> values) throws SQLException {
        return connection.createArrayOf("int4", values.toArray());
    }

    public static Array longs(Connection connection, Collection<Long> values) throws SQLException {
        return connection.createArrayOf("int8", values.toArray());
    }

    public static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    public static Array timestamps(Connection connection, Collection<Instant> values) throws SQLException {
        return connection.createArrayOf(
                "timestamptz",
                values.stream().map(i -> i == null ? null : Timestamp.from(i)).toArray());
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
