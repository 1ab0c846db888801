package io.agentry.schedule;

import io.agentry.db.Sql;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskType;
import io.agentry.support.Ids;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The runs that fires start, in the tick's transaction: one workflow run per fire, trigger
 * {@code schedule}, its root task a {@code scheduled_run} of priority 5.
 *
 * <p>Interim: creates the runs and enqueues their tasks itself until the workflow package's
 * {@code Workflows.startRuns} is available, which this class will then call instead.
 */
final class ScheduledRuns {
    static final int PRIORITY = 5;

    private static final String INSERT_RUNS = """
            INSERT INTO workflow_runs (id, org_id, stream_id, agent_id, trigger)
            SELECT id, org_id, stream_id, agent_id, 'schedule'
            FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[]) AS r(id, org_id, stream_id, agent_id)
            """;

    private ScheduledRuns() {}

    /** Starts one run per fire; returns the run ids in the order of {@code fires}. */
    static List<UUID> start(Connection connection, List<ScheduleTick.Fire> fires) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<NewTask> tasks = new ArrayList<>();
        for (ScheduleTick.Fire fire : fires) {
            UUID runId = Ids.newId();
            ids.add(runId);
            var payload = Json.object();
            if (fire.streamId() != null) {
                payload.put("stream_id", fire.streamId().toString());
            }
            payload.put("workflow_run_id", runId.toString());
            tasks.add(NewTask.of(fire.agentId(), fire.orgId())
                    .withType(TaskType.SCHEDULED_RUN)
                    .withPriority(PRIORITY)
                    .withPayload(payload)
                    .withWorkflowRunId(runId));
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RUNS)) {
            statement.setArray(1, Sql.uuids(connection, ids));
            statement.setArray(2, Sql.uuids(connection, fires.stream().map(ScheduleTick.Fire::orgId).toList()));
            statement.setArray(3, Sql.uuids(connection, fires.stream().map(ScheduleTick.Fire::streamId).toList()));
            statement.setArray(4, Sql.uuids(connection, fires.stream().map(ScheduleTick.Fire::agentId).toList()));
            statement.executeUpdate();
        }
        TaskQueue.enqueueAll(connection, tasks);
        return ids;
    }
}
