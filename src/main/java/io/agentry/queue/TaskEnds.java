package io.agentry.queue;

import io.agentry.db.Database;
import io.agentry.db.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the consequences of tasks ending run: every {@link TaskEndReaction}, in the
 * transaction that ends the tasks, whichever way they ended (an outcome written by a runner, a
 * lease rescued into failure, a pending task cancelled).
 *
 * <p>The reactions run with the server's planner settings, not the queue session's (which suit
 * only the queue's own statements), and each in a savepoint: a reaction that fails is undone
 * alone and logged, and the tasks' ends commit, so one bad reaction cannot hold back a runner's
 * outcomes. A failure of the connection or of the transaction itself (a deadlock, a
 * serialization failure) is not the reaction's: it undoes everything, and the end is written
 * again.
 */
public final class TaskEnds {
    private static final Logger log = LoggerFactory.getLogger(TaskEnds.class);

    private static final TaskEnds INSTALLED = new TaskEnds(ServiceLoader.load(TaskEndReaction.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList());

    private final List<TaskEndReaction> reactions;

    public TaskEnds(List<TaskEndReaction> reactions) {
        this.reactions = List.copyOf(reactions);
    }

    /** The product's reactions, as installed. */
    public static TaskEnds installed() {
        return INSTALLED;
    }

    /** Whether any reaction concerns a task of the given stream and run (both may be null). */
    boolean concernsAny(UUID streamId, UUID workflowRunId) {
        EndedTask task = new EndedTask(null, null, null, null, streamId, workflowRunId, null, null, null);
        return reactions.stream().anyMatch(reaction -> reaction.concerns(task));
    }

    void react(Connection connection, List<EndedTask> ended) throws SQLException {
        boolean plannerDefaults = false;
        for (TaskEndReaction reaction : reactions) {
            List<EndedTask> concerned =
                    ended.stream().filter(reaction::concerns).toList();
            if (concerned.isEmpty()) {
                continue;
            }
            if (!plannerDefaults) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(Database.PLANNER_DEFAULTS_FOR_TRANSACTION);
                }
                plannerDefaults = true;
            }
            // Not released when the reaction succeeds: the commit releases it, a round trip later.
            var savepoint = connection.setSavepoint();
            try {
                reaction.ended(connection, concerned);
            } catch (SQLException | RuntimeException e) {
                if (breaksTheTransaction(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                log.error(
                        "{} failed for task(s) {} and was undone; the tasks' ends stand",
                        reaction.getClass().getSimpleName(),
                        concerned.stream().map(EndedTask::taskId).toList(),
                        e);
            }
        }
    }

    // SQLSTATE classes 08 (connection), 40 (transaction rollback: deadlock, serialization),
    // 53 (insufficient resources), 57 (operator intervention): nothing this reaction did wrong.
    private static boolean breaksTheTransaction(Exception e) {
        String state = e instanceof SQLException sql
                ? sql.getSQLState()
                : e instanceof DatabaseException db ? db.sqlState() : null;
        return state != null
                && (state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57"));
    }
}
