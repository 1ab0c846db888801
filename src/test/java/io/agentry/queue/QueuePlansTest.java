package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans of the runner's statements must not depend on statistics. Right after a bulk
 * enqueue, before autovacuum has analysed the table, PostgreSQL takes the pending tasks for a
 * handful and would sort all of them on every claim; and a plan made once for every batch size
 * could join a batch of outcomes against every task in processing. The queue's own sessions leave
 * one plan each: the walk of the claim index, and the batch looked up by primary key.
 *
 * <p>20,000 tasks are enqueued and the claim is planned before any statistics exist; then a node
 * claims 1,000 tasks, the table is analysed, and an outcome write for ten of them is planned.
 * The claim plans are those of a busy node's batch (8 slots with prefetch).
 */
class QueuePlansTest {
    private static final int CLAIM_BATCH = 200;
    private static Database database;
    private static Leases leases;
    private static String defaultClaimPlan;
    private static String queueClaimPlan;
    private static String queueFinishPlan;

    @BeforeAll
    static void planTheRunnersStatements() {
        database = TestDatabase.fresh();
        Fixtures fixtures = new Fixtures(database);
        fixtures.execute("ALTER TABLE agent_tasks SET (autovacuum_enabled = false)");
        UUID org = fixtures.organization();
        UUID agent = fixtures.agent(org, "enrichment_agent");
        new TaskQueue(database.dataSource()).enqueueAll(Collections.nCopies(20_000, NewTask.of(agent, org)));
        leases = new Leases(database.queueDataSource());
        defaultClaimPlan = claimPlan(database.dataSource());
        queueClaimPlan = claimPlan(database.queueDataSource());

        List<ClaimedTask> processing = leases.claim("node", 1_000, Duration.ofMinutes(5));
        assertThat(processing).hasSize(1_000);
        fixtures.execute("ANALYZE agent_tasks");
        queueFinishPlan =
                Sql.run(database.queueDataSource(), connection -> finishPlan(connection, processing.subList(0, 10)));
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void a_default_session_would_sort_every_pending_task() {
        assertThat(defaultClaimPlan).contains("Sort Key: agent_tasks.priority DESC");
    }

    @Test
    void the_queue_session_walks_the_claim_index_in_claim_order() {
        assertThat(queueClaimPlan).contains("Index Scan using agent_tasks_claim on agent_tasks");
        assertThat(queueClaimPlan)
                .doesNotContain("Sort Key: agent_tasks.priority DESC")
                .doesNotContain("Bitmap");
    }

    @Test
    void the_queue_session_writes_outcomes_by_primary_key_however_many_tasks_are_processing() {
        assertThat(queueFinishPlan).contains("Index Scan using agent_tasks_pkey on agent_tasks t");
        assertThat(queueFinishPlan).contains("Index Scan using agent_executions_pkey on agent_executions e");
        assertThat(queueFinishPlan).doesNotContain("agent_tasks_lease").doesNotContain("Hash");
    }

    private static String claimPlan(DataSource sessions) {
        return Sql.run(sessions, connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + leases.claimSql(CLAIM_BATCH))) {
                explain.setString(1, "node");
                explain.setDouble(2, 30);
                return plan(explain);
            }
        });
    }

    private static String finishPlan(Connection connection, List<ClaimedTask> tasks) throws SQLException {
        int n = tasks.size();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + Leases.FINISH)) {
            explain.setArray(
                    1, Sql.uuids(connection, tasks.stream().map(ClaimedTask::id).toList()));
            explain.setArray(
                    2,
                    Sql.ints(
                            connection, tasks.stream().map(ClaimedTask::attempt).toList()));
            explain.setArray(3, Sql.texts(connection, Collections.nCopies(n, "completed")));
            for (int parameter = 4; parameter <= 7; parameter++) {
                explain.setArray(parameter, Sql.texts(connection, Collections.nCopies(n, null)));
            }
            explain.setArray(8, Sql.ints(connection, Collections.nCopies(n, 0)));
            explain.setArray(9, Sql.longs(connection, Collections.nCopies(n, 0L)));
            return plan(explain);
        }
    }

    private static String plan(PreparedStatement explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = explain.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
