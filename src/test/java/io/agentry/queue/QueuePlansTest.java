package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans of the runner's statements must not depend on statistics. Right after a bulk
 * enqueue, before autovacuum has analysed the table, PostgreSQL misjudges how many tasks are
 * pending (an earlier claim, in claim order over all types, was planned as a sort of every
 * pending task); and a plan made once for every batch size could join a batch of outcomes against
 * every task in processing. The queue's own sessions leave one plan each: the walk of the claim
 * index, once per agent type the node runs, and the batch looked up by primary key.
 *
 * <p>20,000 tasks of a type no node here runs are enqueued at the highest priority, then 20,000
 * and 5,000 of two types a node runs; the claim is planned, and run (rolled back) with {@code
 * EXPLAIN ANALYZE}, before any statistics exist; then a node claims 1,000 tasks, the table is
 * analysed, the outcome write is planned and the claim run again. The claim plans are those of a
 * busy node's batch (8 slots with prefetch).
 *
 * <p>The other way round, statistics taken while the queue was idle (history only) make the
 * planner expect a task or two in pending and processing: a burst enqueued since must still be
 * claimed, written and rescued by primary key, in a large table and in a small one.
 */
class QueuePlansTest {
    private static final int CLAIM_BATCH = 200;
    private static final String TYPE = "enrichment_agent";
    private static final String OTHER_TYPE = "scoring_agent";
    /** No node in these tests runs it, and its tasks come first in priority. */
    private static final String UNRUNNABLE_TYPE = "writer_agent";

    private static Database database;
    private static Leases leases;
    private static String queueClaimPlan;
    private static String queueFinishPlan;
    private static long unrunnableLeftAlone;
    private static JsonNode claimBeforeStatistics;
    private static JsonNode claimAfterStatistics;
    private static BatchPlans largeAfterIdle;
    private static BatchPlans smallAfterIdle;

    @BeforeAll
    static void planTheRunnersStatements() {
        database = TestDatabase.fresh();
        Fixtures fixtures = new Fixtures(database);
        fixtures.execute("ALTER TABLE agent_tasks SET (autovacuum_enabled = false)");
        UUID org = fixtures.organization();
        UUID agent = fixtures.agent(org, TYPE);
        UUID scorer = fixtures.agent(org, OTHER_TYPE);
        UUID writer = fixtures.agent(org, UNRUNNABLE_TYPE);
        TaskQueue queue = new TaskQueue(database.dataSource());
        queue.enqueueAll(Collections.nCopies(20_000, NewTask.of(writer, org).withPriority(10)));
        queue.enqueueAll(Collections.nCopies(20_000, NewTask.of(agent, org)));
        queue.enqueueAll(Collections.nCopies(5_000, NewTask.of(scorer, org).withPriority(1)));
        leases = new Leases(database.queueDataSource());
        queueClaimPlan = plan(database.queueDataSource(), Leases.CLAIM, claimArguments(TYPE, OTHER_TYPE));
        claimBeforeStatistics = analyzedClaim(database.queueDataSource(), TYPE, OTHER_TYPE);

        List<ClaimedTask> processing = leases.claim("node", Set.of(TYPE), 1_000, Duration.ofMinutes(5));
        assertThat(processing).hasSize(1_000);
        fixtures.execute("ANALYZE agent_tasks");
        queueFinishPlan = plan(database.queueDataSource(), Leases.FINISH);
        claimAfterStatistics = analyzedClaim(database.queueDataSource(), TYPE, OTHER_TYPE);
        unrunnableLeftAlone = fixtures.count("SELECT count(*) FROM agent_tasks WHERE agent_type = '" + UNRUNNABLE_TYPE
                + "' AND status = 'pending' AND attempt = 0");

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
            String claim = plan(idle.queueDataSource(), Leases.CLAIM, claimArguments(TYPE));
            assertThat(idleLeases.claim("node", Set.of(TYPE), CLAIM_BATCH, Duration.ofMinutes(5)))
                    .hasSize(CLAIM_BATCH);
            return new BatchPlans(
                    claim,
                    plan(idle.queueDataSource(), Leases.FINISH),
                    plan(idle.queueDataSource(), Leases.RENEW),
                    plan(idle.dataSource(), Leases.RESCUE.replace("?", "1000")));
        }
    }

    @Test
    void the_queue_session_walks_the_claim_index_in_claim_order_once_per_agent_type() {
        assertThat(queueClaimPlan)
                .containsPattern("Nested Loop .*\n\\s+->  Function Scan on unnest k")
                .containsPattern("->  Limit .*\n\\s+->  LockRows .*\n"
                        + "\\s+->  Index Scan using agent_tasks_claim on agent_tasks .*\n"
                        + "\\s+Index Cond: \\(\\(agent_type = k.agent_type\\)")
                .contains("Index Scan using agent_tasks_pkey on agent_tasks t");
        // The one sort before the update is of the candidates, never of the pending tasks.
        assertThat(queueClaimPlan)
                .contains("Sort Key: candidate.priority DESC, candidate.scheduled_for, candidate.id")
                .doesNotContain("Sort Key: agent_tasks.")
                .doesNotContain("Bitmap")
                .doesNotContain("Hash");
    }

    @Test
    void a_claim_reads_at_most_the_batch_for_each_type_it_runs_and_no_task_of_another_type() {
        for (JsonNode claim : List.of(claimBeforeStatistics, claimAfterStatistics)) {
            assertThat(rowsReadFrom(claim, "agent_tasks_claim"))
                    .as("rows read from the claim index, with 20,000 tasks of %s first in priority", UNRUNNABLE_TYPE)
                    .isPositive()
                    .isLessThanOrEqualTo(2 * CLAIM_BATCH);
            assertThat(largestSortInput(claim)).isLessThanOrEqualTo(2 * CLAIM_BATCH);
            assertThat(claim.path("Actual Rows").asLong()).isEqualTo(CLAIM_BATCH);
        }
    }

    @Test
    void tasks_of_a_type_no_node_runs_are_never_claimed() {
        assertThat(unrunnableLeftAlone)
                .as("pending tasks of %s never claimed, after every claim of this class", UNRUNNABLE_TYPE)
                .isEqualTo(20_000);
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
     * The claim of a batch by a node of the given types, run in a transaction that is rolled back:
     * its plan with what each node did ({@code EXPLAIN (ANALYZE, BUFFERS)}).
     */
    private static JsonNode analyzedClaim(DataSource sessions, String... types) {
        List<Object> arguments = new ArrayList<>(List.of(claimArguments(types)));
        arguments.addAll(List.of("'node'", 60));
        return Sql.run(sessions, connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PREPARE analyzed AS " + numbered(Leases.CLAIM));
                try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
                        + execute("analyzed", Leases.CLAIM, arguments.toArray()))) {
                    rs.next();
                    return Json.read(rs.getString(1)).get(0).get("Plan");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DEALLOCATE analyzed");
                }
            }
        });
    }

    /** Rows an index scan of {@code index} returned or filtered out, over all its loops. */
    private static long rowsReadFrom(JsonNode node, String index) {
        long rows = index.equals(node.path("Index Name").asText())
                ? Math.round((node.path("Actual Rows").asDouble()
                                + node.path("Rows Removed by Filter").asDouble())
                        * node.path("Actual Loops").asDouble())
                : 0;
        for (JsonNode child : node.path("Plans")) {
            rows += rowsReadFrom(child, index);
        }
        return rows;
    }

    /** The most rows any sort of the plan was given. */
    private static long largestSortInput(JsonNode node) {
        long largest = 0;
        if ("Sort".equals(node.path("Node Type").asText())) {
            for (JsonNode child : node.path("Plans")) {
                if (!child.has("Subplan Name")) {
                    largest = Math.max(
                            largest,
                            Math.round(child.path("Actual Rows").asDouble()
                                    * child.path("Actual Loops").asDouble()));
                }
            }
        }
        for (JsonNode child : node.path("Plans")) {
            largest = Math.max(largest, largestSortInput(child));
        }
        return largest;
    }

    /** The claim's leading arguments: the node's agent types, then the batch size, twice. */
    private static Object[] claimArguments(String... types) {
        return new Object[] {"'{" + String.join(",", types) + "}'", CLAIM_BATCH, CLAIM_BATCH};
    }

    /**
     * The statement's plan in a session of {@code sessions}: prepared, then explained with the
     * given leading parameters and every other one null. In a queue session that is the generic
     * plan every execution uses, whatever the values.
     */
    private static String plan(DataSource sessions, String sql, Object... leading) {
        return Sql.run(sessions, connection -> {
            StringBuilder plan = new StringBuilder();
            try (Statement statement = connection.createStatement()) {
                statement.execute("PREPARE explained AS " + numbered(sql));
                try (ResultSet rs = statement.executeQuery("EXPLAIN " + execute("explained", sql, leading))) {
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

    /** The statement with its parameters numbered, {@code $1, $2, …}, for PREPARE. */
    private static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    /** EXECUTE of the prepared statement with the given leading arguments and every other one null. */
    private static String execute(String name, String sql, Object... leading) {
        List<String> arguments = new ArrayList<>();
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                arguments.add(arguments.size() < leading.length ? String.valueOf(leading[arguments.size()]) : "NULL");
            }
        }
        return arguments.isEmpty() ? "EXECUTE " + name : "EXECUTE " + name + "(" + String.join(", ", arguments) + ")";
    }
}
