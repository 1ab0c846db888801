package io.agentry.schedule;

import io.agentry.queue.TaskType;
import io.agentry.workflow.RunStart;
import io.agentry.workflow.RunTrigger;
import io.agentry.workflow.Workflows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The runs that fires start, in the tick's transaction: one workflow run per fire, trigger {@code
 * schedule}, its root task a {@code scheduled_run} of priority 5, through the workflow package so
 * that the agents depending on the fired one follow within the run.
 */
final class ScheduledRuns {
    static final int PRIORITY = 5;

    private ScheduledRuns() {}

    /** Starts one run per fire; returns the run ids in the order of {@code fires}. */
    static List<UUID> start(Connection connection, List<ScheduleTick.Fire> fires) throws SQLException {
        List<RunStart> starts = fires.stream()
                .map(fire -> new RunStart(
                        fire.orgId(),
                        fire.streamId(),
                        fire.agentId(),
                        RunTrigger.SCHEDULE,
                        TaskType.SCHEDULED_RUN,
                        PRIORITY))
                .toList();
        return Workflows.startRuns(connection, starts);
    }
}
