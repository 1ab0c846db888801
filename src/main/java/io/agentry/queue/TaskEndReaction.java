package io.agentry.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a feature above the queue does when tasks end: start the next agents of a workflow, keep
 * counters, close a run. The queue calls every reaction inside the transaction that ends the
 * tasks, so the end and its consequences commit together or not at all.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (listed in {@code
 * META-INF/services/io.agentry.queue.TaskEndReaction}): wherever a task ends, every reaction the
 * product has runs, and none can be left out by a caller that forgot to pass it.
 */
public interface TaskEndReaction {

    /**
     * Whether this reaction may have anything to do for {@code task}; the others are not passed
     * to it. Decided on the task's stream and workflow run alone (not on how it ended): the queue
     * asks before it writes an end, and writes the ends that concern no reaction in one
     * statement, without a transaction around it.
     */
    boolean concerns(EndedTask task);

    /**
     * Reacts to {@code tasks} (never empty) on the ending transaction's connection, with the
     * server's planner settings. An {@link SQLException} undoes this reaction alone, unless the
     * connection or the transaction itself broke; then the whole end is tried again.
     */
    void ended(Connection connection, List<EndedTask> tasks) throws SQLException;
}
