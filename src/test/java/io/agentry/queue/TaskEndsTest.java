package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.db.Database;
import io.agentry.db.DatabaseException;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one place where tasks end: reactions in the ending transaction, isolated from each other. */
class TaskEndsTest {
    private static Database database;
    private static Fixtures fixtures;
    private static UUID org;
    private static UUID agent;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
        org = fixtures.organization();
        agent = fixtures.agent(org, "scoring_agent");
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyQueue() {
        fixtures.emptyQueue();
        fixtures.execute(
                "DROP TABLE IF EXISTS test_reactions; CREATE TABLE test_reactions (task_id uuid, setting text)");
    }

    /** Records each task it sees, with the planner setting it ran under. */
    private static final class Recording implements TaskEndReaction {
        final List<EndedTask> seen = new CopyOnWriteArrayList<>();

        @Override
        public boolean concerns(EndedTask task) {
            return true;
        }

        @Override
        public void ended(Connection connection, List<EndedTask> tasks) throws SQLException {
            seen.addAll(tasks);
            try (Statement statement = connection.createStatement()) {
                for (EndedTask task : tasks) {
                    statement.execute("INSERT INTO test_reactions SELECT '" + task.taskId()
                            + "', current_setting('enable_sort')");
                }
            }
        }
    }

    private static final class Failing implements TaskEndReaction {
        private final String sqlState;

        Failing(String sqlState) {
            this.sqlState = sqlState;
        }

        @Override
        public boolean concerns(EndedTask task) {
            return true;
        }

        @Override
        public void ended(Connection connection, List<EndedTask> tasks) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO test_reactions VALUES (NULL, 'undone')");
            }
            throw new SQLException("reaction broke", sqlState);
        }
    }

    private static ClaimedTask claimed(Leases leases) {
        new TaskQueue(database.dataSource(), new TaskEnds(List.of())).enqueue(NewTask.of(agent, org));
        return leases.claim("node-1", Set.of("scoring_agent"), 1, Duration.ofMinutes(1))
                .get(0);
    }

    @Test
    void reactions_run_in_the_ending_transaction_with_the_planners_defaults_and_the_queue_session_keeps_its_own() {
        Recording recording = new Recording();
        Leases leases = new Leases(database.queueDataSource(), new TaskEnds(List.of(recording)));
        ClaimedTask task = claimed(leases);

        leases.finish(List.of(Outcome.completed(task, Json.object(), null, Json.object(), 7)));

        assertThat(recording.seen).singleElement().satisfies(ended -> {
            assertThat(ended.taskId()).isEqualTo(task.id());
            assertThat(ended.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(ended.durationMs()).isEqualTo(7);
            assertThat(ended.agentId()).isEqualTo(agent);
        });
        assertThat(fixtures.text("SELECT setting FROM test_reactions")).isEqualTo("on");
        String queueSession = Sql.run(database.queueDataSource(), connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SHOW enable_sort")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(queueSession).isEqualTo("off");
    }

    @Test
    void a_failing_reaction_is_undone_alone_and_the_tasks_end_stands() {
        Recording recording = new Recording();
        Leases leases = new Leases(database.queueDataSource(), new TaskEnds(List.of(new Failing("23505"), recording)));
        ClaimedTask task = claimed(leases);

        Set<UUID> applied = leases.finish(List.of(Outcome.completed(task, Json.object(), null, Json.object(), 7)));

        assertThat(applied).containsExactly(task.id());
        assertThat(fixtures.task(task.id()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(fixtures.count("SELECT count(*) FROM test_reactions WHERE setting = 'undone'"))
                .isZero();
        assertThat(recording.seen).hasSize(1);
    }

    @Test
    void a_transaction_failure_inside_a_reaction_undoes_the_end_so_that_it_is_written_again() {
        Leases leases = new Leases(database.queueDataSource(), new TaskEnds(List.of(new Failing("40P01"))));
        ClaimedTask task = claimed(leases);

        assertThatThrownBy(() -> leases.finish(List.of(Outcome.completed(task, Json.object(), null, Json.object(), 7))))
                .isInstanceOf(DatabaseException.class);

        assertThat(fixtures.task(task.id()).status()).isEqualTo(TaskStatus.PROCESSING);
        Set<UUID> applied = new Leases(database.queueDataSource(), new TaskEnds(List.of()))
                .finish(List.of(Outcome.completed(task, Json.object(), null, Json.object(), 7)));
        assertThat(applied).containsExactly(task.id());
    }

    @Test
    void retries_are_not_ends_and_cancelling_a_pending_task_is() {
        Recording recording = new Recording();
        Leases leases = new Leases(database.queueDataSource(), new TaskEnds(List.of(recording)));
        ClaimedTask task = claimed(leases);
        leases.finish(List.of(Outcome.failed(task, Outcome.Kind.RETRY, "again", null, 3L, Duration.ZERO)));
        assertThat(recording.seen).isEmpty();

        TaskQueue queue = new TaskQueue(database.dataSource(), new TaskEnds(List.of(recording)));
        assertThat(queue.cancel(task.id())).isEqualTo(TaskQueue.CancelResult.CANCELLED);

        assertThat(recording.seen).singleElement().satisfies(ended -> {
            assertThat(ended.taskId()).isEqualTo(task.id());
            assertThat(ended.status()).isEqualTo(TaskStatus.CANCELLED);
        });
    }

    @Test
    void a_lease_rescued_into_failure_is_an_end() {
        Recording recording = new Recording();
        Leases leases = new Leases(database.dataSource(), new TaskEnds(List.of(recording)));
        ClaimedTask task = claimed(leases);
        fixtures.execute("UPDATE agent_tasks SET max_retries = 0, lease_expires_at = now() - interval '1 second'");

        assertThat(leases.rescueExpired(10).ended()).isEqualTo(1);

        assertThat(recording.seen).singleElement().satisfies(ended -> {
            assertThat(ended.taskId()).isEqualTo(task.id());
            assertThat(ended.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(ended.error()).startsWith("lease expired");
        });
    }
}
