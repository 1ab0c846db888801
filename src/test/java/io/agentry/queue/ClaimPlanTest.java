package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Right after a bulk enqueue, before autovacuum has analysed the table, PostgreSQL takes the
 * pending tasks for a handful and would sort all of them on every claim. The queue's own sessions
 * leave it no plan but the walk of the claim index. The plans are those of a claim of 200 tasks, a
 * busy node's batch (8 slots with prefetch).
 */
class ClaimPlanTest {
    private static final int BATCH = 200;
    private static Database database;
    private static Leases leases;

    @BeforeAll
    static void bulkEnqueueWithoutStatistics() {
        database = TestDatabase.fresh();
        Fixtures fixtures = new Fixtures(database);
        fixtures.execute("ALTER TABLE agent_tasks SET (autovacuum_enabled = false)");
        UUID org = fixtures.organization();
        UUID agent = fixtures.agent(org, "enrichment_agent");
        new TaskQueue(database.dataSource()).enqueueAll(Collections.nCopies(20_000, NewTask.of(agent, org)));
        leases = new Leases(database.queueDataSource());
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void a_default_session_would_sort_every_pending_task() {
        assertThat(claimPlan(database.dataSource())).contains("Sort Key: agent_tasks.priority DESC");
    }

    @Test
    void the_queue_session_walks_the_claim_index_in_claim_order() {
        String plan = claimPlan(database.queueDataSource());

        assertThat(plan).contains("Index Scan using agent_tasks_claim on agent_tasks");
        assertThat(plan).doesNotContain("Sort Key: agent_tasks.priority DESC").doesNotContain("Bitmap");
    }

    private static String claimPlan(DataSource sessions) {
        return Sql.run(sessions, connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + leases.claimSql(BATCH))) {
                explain.setString(1, "node");
                explain.setDouble(2, 30);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        });
    }
}
