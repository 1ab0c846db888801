package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Agentry statement is JIT-compiled. On a server built with LLVM (Debian's and Ubuntu's
 * packages, most managed services), the queue sessions' disabled plan types put every plan that
 * needs one of them over {@code jit_above_cost}, and each such statement was compiled for
 * 90-300 ms. The embedded binaries have no JIT: these tests mean most on an external server.
 */
class NoJitTest {
    // A sort with sorts disabled: the plan carries the disable cost, as the claim's did.
    private static final String DISABLED_COST_QUERY =
            "SELECT * FROM agent_tasks WHERE priority > 3 ORDER BY scheduled_for";

    private static Database database;

    @BeforeAll
    static void someTasks() {
        database = TestDatabase.fresh();
        Fixtures fixtures = new Fixtures(database);
        UUID org = fixtures.organization();
        UUID agent = fixtures.agent(org, "enrichment_agent");
        new TaskQueue(database.dataSource()).enqueueAll(Collections.nCopies(200, NewTask.of(agent, org)));
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void every_kind_of_agentry_session_runs_without_jit() throws SQLException {
        assertThat(setting(database.dataSource(), "jit")).isEqualTo("off");
        assertThat(setting(database.queueDataSource(), "jit")).isEqualTo("off");
        try (Connection dedicated = database.openDedicated()) {
            assertThat(setting(dedicated, "jit")).isEqualTo("off");
        }
    }

    @Test
    void a_queue_session_does_not_compile_a_plan_that_carries_the_disable_costs() {
        String plan = explainAnalyze(database.queueDataSource(), false);

        assertThat(plan).contains("Sort Key").doesNotContain("JIT");
    }

    /** Shows that the check above can see a compile, where the server can make one. */
    @Test
    void with_jit_on_a_server_built_with_llvm_would_compile_it() {
        assumeTrue(jitAvailable(), "this server was built without LLVM");

        assertThat(explainAnalyze(database.queueDataSource(), true)).contains("JIT:");
    }

    private static String explainAnalyze(DataSource sessions, boolean jitOn) {
        return Sql.run(sessions, connection -> {
            StringBuilder plan = new StringBuilder();
            try (Statement statement = connection.createStatement()) {
                if (jitOn) {
                    statement.execute("SET jit = on");
                }
                try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE) " + DISABLED_COST_QUERY)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                } finally {
                    statement.execute("SET jit = off");
                }
            }
            return plan.toString();
        });
    }

    private static String setting(DataSource sessions, String name) {
        return Sql.run(sessions, connection -> setting(connection, name));
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether the server can compile: {@code pg_jit_available()} is false while jit is off. */
    private static boolean jitAvailable() {
        return Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET jit = on");
                try (ResultSet rs = statement.executeQuery("SELECT pg_jit_available()")) {
                    rs.next();
                    return rs.getBoolean(1);
                } finally {
                    statement.execute("SET jit = off");
                }
            }
        });
    }
}
