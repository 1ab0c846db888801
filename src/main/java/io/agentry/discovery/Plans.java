package io.agentry.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of a run's statements, when it is explained: each statement is first run under
 * {@code EXPLAIN (ANALYZE, BUFFERS)} with the same parameters. Disabled, it does nothing.
 */
final class Plans {
    static final Plans NONE = new Plans(false);

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final boolean enabled;
    private final List<String> plans = new ArrayList<>();

    private Plans(boolean enabled) {
        this.enabled = enabled;
    }

    static Plans recording() {
        return new Plans(true);
    }

    void explain(Connection connection, String purpose, String sql, Binder binder) throws SQLException {
        if (!enabled) {
            return;
        }
        StringBuilder plan = new StringBuilder("-- ").append(purpose).append('\n');
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        plans.add(plan.toString());
    }

    List<String> plans() {
        return List.copyOf(plans);
    }
}
