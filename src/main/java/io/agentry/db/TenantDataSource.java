package io.agentry.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One org's view of the tenant pool. Every connection handed out is first bound to the org
 * ({@code agentry.org_id}, read by the row-level security policies of migration V10), so a
 * connection is never used with the org of the request that held it before. The binding is a
 * session setting rather than a transaction's: the features this view is given to also run
 * statements outside transactions.
 */
final class TenantDataSource implements DataSource {
    static final String ROLE = "agentry_tenant";

    private static final String BIND = "SELECT set_config('agentry.org_id', ?, false)";

    private final DataSource pool;
    private final UUID orgId;

    TenantDataSource(DataSource pool, UUID orgId) {
        if (orgId == null) {
            throw new IllegalArgumentException("a tenant connection needs an org");
        }
        this.pool = pool;
        this.orgId = orgId;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        try (PreparedStatement bind = connection.prepareStatement(BIND)) {
            bind.setString(1, orgId.toString());
            bind.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("tenant connections use the pool's login");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
