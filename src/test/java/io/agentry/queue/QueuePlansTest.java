package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
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
 * claims 1,000 tasks, the table is analysed, and the outcome write is planned.
 * The claim plans are those of a busy node's batch (8 slots with prefetch).
 *
 * <p>The other way round, statistics taken while the queue was idle (history only) make the
 * planner expect a task or two in pending and processing: a burst enqueued since must still be
 * claimed, written and rescued by primary key, in a large table and in a small one.
 */
class QueuePlansTest {
    private static final int CLAIM_BATCH = 200;
    private static Database database;
    private static Leases leases;
    private static String defaultClaimPlan;
    private static String queueClaimPlan;
    private static String queueFinishPlan;
    private static BatchPlans largeAfterIdle;
    private static BatchPlans smallAfterIdle;

    @BeforeAll
    static void planTheRunnersStatements() {
        database = TestDatabase.fresh();
        Fixtures fixtures = new Fixtures(database);
        fixtures.execute("ALTER TABLE agent_tasks SET (autovacuum_enabled = false)");
        UUID org = fixtures.organization();
        UUID agent = fixtures.agent(org, "enrichment_agent");
        new TaskQueue(database.dataSource()).enqueueAll(Collections.nCopies(20_000, NewTask.of(agent, org)));
        leases = new Leases(database.queueDataSource());
        defaultClaimPlan = plan(database.dataSource(), Leases.CLAIM, CLAIM_BATCH);
        queueClaimPlan = plan(database.queueDataSource(), Leases.CLAIM, CLAIM_BATCH);

        List<ClaimedTask> processing = leases.claim("node", 1_000, Duration.ofMinutes(5));
        assertThat(processing).hasSize(1_000);
        fixtures.execute("ANALYZE agent_tasks");
        queueFinishPlan = plan(database.queueDataSource(), Leases.FINISH);

        largeAfterIdle = plansAfterIdleStatistics(5_000, 20_000);
        smallAfterIdle = plansAfterIdleStatistics(100, 300);
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    /**
     * The queue session's plans of a node's batch (a claim, an outcome write, a renewal), and the
     * rescuer's pass on the main pool.
     */
    private record BatchPlans(String claim, String finish, String renew, String rescue) {}

    /**
     * {@code history} completed tasks are analysed, then {@code burst} tasks are enqueued and a
     * node claims 200 of them.
     */
    private static BatchPlans plansAfterIdleStatistics(int history, int burst) {
        try (Database idle = TestDatabase.fresh()) {
            Fixtures fixtures = new Fixtures(idle);
            fixtures.execute("ALTER TABLE agent_tasks SET (autovacuum_enabled = false)");
            UUID org = fixtures.organization();
            UUID agent = fixtures.agent(org, "enrichment_agent");
            TaskQueue queue = new TaskQueue(idle.dataSource());
            queue.enqueueAll(Collections.nCopies(history, NewTask.of(agent, org)));
            fixtures.execute("UPDATE agent_tasks SET status = 'completed', completed_at = now()");
            fixtures.execute("ANALYZE agent_tasks");
            queue.enqueueAll(Collections.nCopies(burst, NewTask.of(agent, org)));
            Leases idleLeases = new Leases(idle.queueDataSource());
            String claim = plan(idle.queueDataSource(), Leases.CLAIM, CLAIM_BATCH);
            assertThat(idleLeases.claim("node", CLAIM_BATCH, Duration.ofMinutes(5)))
                    .hasSize(CLAIM_BATCH);
            return new BatchPlans(
                    claim,
                    plan(idle.queueDataSource(), Leases.FINISH),
                    plan(idle.queueDataSource(), Leases.RENEW),
                    plan(idle.dataSource(), Leases.RESCUE.replace("?", "1000")));
        }
    }

    @Test
    void a_default_session_would_sort_every_pending_task() {
        assertThat(defaultClaimPlan).contains("Sort Key: agent_tasks.priority DESC");
    }

    @Test
    void the_queue_session_walks_the_claim_index_in_claim_order() {
        assertThat(queueClaimPlan).contains("Index Scan using agent_tasks_claim on agent_tasks");
        assertThat(queueClaimPlan).contains("Index Scan using agent_tasks_pkey on agent_tasks t");
        assertThat(queueClaimPlan)
                .doesNotContain("Sort Key: agent_tasks.priority DESC")
                .doesNotContain("Bitmap")
                .doesNotContain("Hash");
    }

    @Test
    void the_queue_session_writes_outcomes_by_primary_key_however_many_tasks_are_processing() {
        assertThat(queueFinishPlan).contains("Index Scan using agent_tasks_pkey on agent_tasks t");
        assertThat(queueFinishPlan).contains("Index Scan using agent_executions_pkey on agent_executions e");
        assertThat(queueFinishPlan).doesNotContain("agent_tasks_lease").doesNotContain("Hash");
    }

    @Test
    void after_statistics_of_an_idle_queue_a_burst_is_claimed_and_written_by_primary_key() {
        for (BatchPlans plans : List.of(largeAfterIdle, smallAfterIdle)) {
            assertThat(plans.claim())
                    .containsOnlyOnce("agent_tasks_claim")
                    .contains("Index Scan using agent_tasks_pkey on agent_tasks t");
            for (String write : List.of(plans.finish(), plans.renew())) {
                assertThat(write)
                        .contains("Index Scan using agent_tasks_pkey on agent_tasks t")
                        .doesNotContain("agent_tasks_lease")
                        .doesNotContain("Seq Scan")
                        .doesNotContain("Join Filter");
            }
            // The rescuer finds expired leases through the lease index, then their rows by key.
            assertThat(plans.rescue())
                    .contains("Index Scan using agent_tasks_pkey on agent_tasks t")
                    .doesNotContain("Join Filter");
        }
    }

    /**
     * The statement's plan in a session of {@code sessions}: prepared, then explained with the
     * given leading parameters and every other one null. In a queue session that is the generic
     * plan every execution uses, whatever the values.
     */
    private static String plan(DataSource sessions, String sql, Object... leading) {
        StringBuilder prepared = new StringBuilder();
        List<String> arguments = new ArrayList<>();
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                arguments.add(arguments.size() < leading.length ? String.valueOf(leading[arguments.size()]) : "NULL");
                prepared.append('$').append(arguments.size());
            } else {
                prepared.append(c);
            }
        }
        return Sql.run(sessions, connection -> {
            StringBuilder plan = new StringBuilder();
            try (Statement statement = connection.createStatement()) {
                statement.execute("PREPARE explained AS " + prepared);
                String execute = arguments.isEmpty()
                        ? "EXECUTE explained"
                        : "EXECUTE explained(" + String.join(", ", arguments) + ")";
                try (ResultSet rs = statement.executeQuery("EXPLAIN " + execute)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                } finally {
                    statement.execute("DEALLOCATE explained");
                }
            }
            return plan.toString();
        });
    }
}
