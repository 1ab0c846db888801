package io.agentry.db;

import java.sql.SQLException;

/** A database call failed; the cause says why. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /**
     * The database refused the values themselves (SQLSTATE class 22, data exception, or 54,
     * program limit exceeded): sending the same values again cannot succeed.
     */
    public boolean isDataError() {
        String state = sqlState();
        return state != null && (state.startsWith("22") || state.startsWith("54"));
    }
}
