package io.agentry.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership among the nodes sharing one database: a session-level advisory lock held on a
 * dedicated connection. PostgreSQL releases it when that session ends, so a dead leader's lock
 * frees itself and another node takes over at its next try. There is no lease to renew and no row
 * to contend on.
 */
public final class LeaderLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);

    private final Database database;
    private final long key;
    private Connection connection;
    private boolean held;

    /** @param key the advisory lock key; one key per leader role */
    public LeaderLock(Database database, long key) {
        this.database = database;
        this.key = key;
    }

    /**
     * Returns true when this node is the leader, trying to become it when it is not. A broken
     * connection means the lock is gone: it is reopened and the lock tried again.
     */
    public synchronized boolean tryLead() {
        try {
            if (connection != null && !connection.isValid(2)) {
                if (held) {
                    log.info("Lost leadership: the lock connection broke");
                }
                closeConnection();
            }
            if (connection == null) {
                connection = database.openDedicated();
            }
            if (!held) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    statement.setLong(1, key);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        held = rs.getBoolean(1);
                    }
                }
                if (held) {
                    log.info("This node is now the leader (lock {})", key);
                }
            }
            return held;
        } catch (SQLException e) {
            if (!database.availability().unreachable("trying the leader lock", e)) {
                log.warn("Leader lock unavailable: {}", e.getMessage());
            }
            closeConnection();
            return false;
        }
    }

    private void closeConnection() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the lock connection failed", e);
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }
}
