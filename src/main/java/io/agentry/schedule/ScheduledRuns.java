package io.agentry.schedule;

import io.agentry.queue.TaskType;
import io.agentry.workflow.RunStart;
import io.agentry.workflow.RunTrigger;
import io.agentry.workflow.Workflows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The runs that fires start, in the tick's transaction: one workflow run per fire, trigger {@code
 * schedule}, its root task a {@code scheduled_run} of priority 5, through the workflow package so
 * that the agents depending on the fired one follow within the run.
 */
final class ScheduledRuns {
    static final int PRIORITY = 5;

    private ScheduledRuns() {}

    /** Starts one run per fire, with the run id recorded on the fire. */
    static void start(Connection connection, List<ScheduleTick.Fire> fires) throws SQLException {
        List<RunStart> starts = fires.stream()
                .map(fire -> new RunStart(
                        fire.runId(),
                        fire.orgId(),
                        fire.streamId(),
                        fire.agentId(),
                        RunTrigger.SCHEDULE,
                        TaskType.SCHEDULED_RUN,
                        PRIORITY))
                .toList();
        Workflows.startRuns(connection, starts);
    }
}
