package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.stream.StreamEvent;
import io.agentry.stream.StreamEvents;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.WorkflowRuns;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** What {@link RunWatch} reads of a run as it goes: on the deployment's database, or through a server. */
interface RunFeed {
    /** The run as it is now, with its steps ({@link StreamReports#run}). */
    JsonNode run();

    /** The stream's events written since the last call, oldest first. */
    List<StreamEvent> events();

    /** The run's row and steps, and the stream's feed after {@code afterEventId}. */
    static RunFeed of(DataSource dataSource, WorkflowRun run, long afterEventId) {
        WorkflowRuns runs = new WorkflowRuns(dataSource);
        StreamEvents events = new StreamEvents(dataSource);
        return new RunFeed() {
            private long after = afterEventId;

            @Override
            public JsonNode run() {
                return StreamReports.run(
                        runs, run.orgId(), runs.find(run.orgId(), run.id()).orElseThrow());
            }

            @Override
            public List<StreamEvent> events() {
                List<StreamEvent> since = events.since(run.streamId(), after, 500);
                if (!since.isEmpty()) {
                    after = since.get(since.size() - 1).id();
                }
                return since;
            }
        };
    }

    /**
     * The run through the server's {@code GET /api/workflow-runs/{id}}. The stream's events are
     * not read: the server gives them only as a live stream of their own.
     */
    static RunFeed of(RemoteApi api, UUID runId) {
        return new RunFeed() {
            @Override
            public JsonNode run() {
                return api.get("/api/workflow-runs/" + runId).path("run");
            }

            @Override
            public List<StreamEvent> events() {
                return List.of();
            }
        };
    }
}
