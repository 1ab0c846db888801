package io.agentry.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections to one database of the embedded server, wherever it runs at the moment: a pool made
 * on it opens each new connection on the current server, after a restart or a change of owner.
 */
final class EmbeddedDataSource implements DataSource {
    private final EmbeddedDatabase server;
    private final String database;
    private final Properties properties;
    private volatile int loginTimeoutSeconds;

    /** @param properties connection properties for the driver, without the login */
    EmbeddedDataSource(EmbeddedDatabase server, String database, Properties properties) {
        this.server = server;
        this.database = database;
        this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties withTimeout = new Properties();
        withTimeout.putAll(properties);
        if (loginTimeoutSeconds > 0) {
            withTimeout.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        return server.connect(database, withTimeout);
    }

    /** The embedded server has one login; asking for another is a mistake. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the embedded server's connections always use its superuser");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // The driver logs through java.util.logging; there is nothing to set here.
    }

    /** Hikari sets its connection timeout here, and waits as long for its connection adder to stop. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
