package io.agentry.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.Database;
import io.agentry.db.Migrations;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Migration V4 gives every existing task its agent's type, and settles the tasks of deleted agents. */
class AgentTypeMigrationTest {
    private static final String TASK_WITH_EXECUTION = """
            WITH task AS (
                INSERT INTO agent_tasks (id, agent_id, org_id, task_type, status, execution_id, locked_by,
                                         lease_expires_at, completed_at)
                VALUES ('%1$s', '%2$s', '%3$s', 'manual_trigger', '%4$s', gen_random_uuid(),
                        CASE WHEN '%4$s' = 'processing' THEN 'node-a' END,
                        CASE WHEN '%4$s' = 'processing' THEN now() + interval '1 minute' END,
                        CASE WHEN '%4$s' = 'completed' THEN now() END)
                RETURNING id, execution_id
            )
            INSERT INTO agent_executions (id, agent_id, org_id, task_id, status)
            SELECT execution_id, '%2$s', '%3$s', id,
                   CASE '%4$s' WHEN 'pending' THEN 'queued' WHEN 'processing' THEN 'running' ELSE '%4$s' END
            FROM task
            """;

    @Test
    void tasks_take_their_agents_type_and_live_tasks_of_deleted_agents_fail_saying_so() {
        try (Database database = TestDatabase.empty(2)) {
            Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration")
                    .target("3")
                    .load()
                    .migrate();
            Fixtures fixtures = new Fixtures(database);
            UUID org = fixtures.organization();
            UUID kept = fixtures.agent(org, "scoring_agent");
            UUID deleted = fixtures.agent(org, "writer_agent");
            UUID keptPending = UUID.randomUUID();
            UUID deletedPending = UUID.randomUUID();
            UUID deletedProcessing = UUID.randomUUID();
            UUID deletedCompleted = UUID.randomUUID();
            fixtures.execute(TASK_WITH_EXECUTION.formatted(keptPending, kept, org, "pending"));
            fixtures.execute(TASK_WITH_EXECUTION.formatted(deletedPending, deleted, org, "pending"));
            fixtures.execute(TASK_WITH_EXECUTION.formatted(deletedProcessing, deleted, org, "processing"));
            fixtures.execute(TASK_WITH_EXECUTION.formatted(deletedCompleted, deleted, org, "completed"));
            fixtures.execute("DELETE FROM ai_agents WHERE id = '" + deleted + "'");

            Migrations.migrate(database.dataSource());

            Task waiting = fixtures.task(keptPending);
            assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(waiting.agentType()).isEqualTo("scoring_agent");
            for (UUID live : new UUID[] {deletedPending, deletedProcessing}) {
                Task task = fixtures.task(live);
                assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
                assertThat(task.errorMessage()).isEqualTo("agent " + deleted + " does not exist");
                assertThat(task.lockedBy()).isNull();
                assertThat(fixtures.execution(task.executionId()).status()).isEqualTo("failed");
            }
            Task history = fixtures.task(deletedCompleted);
            assertThat(history.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(history.agentType()).isNull();
            assertThat(new TaskQueue(database.dataSource()).retry(deletedPending))
                    .as("no type to claim it by")
                    .isFalse();
        }
    }
}
