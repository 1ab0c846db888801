package io.agentry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.stream.Stream;
import io.agentry.workflow.RunTrigger;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.WorkflowRuns;
import io.agentry.workflow.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stream's workflow runs: started, listed with their steps, and cancelled. */
final class RunRoutes {
    /** These routes take no options: no body, or {@code {}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NoOptions() {}

    private RunRoutes() {}

    static void addTo(Routes routes) {
        routes.post(
                        "/api/streams/{id}/workflow/run",
                        Access.EDITOR,
                        "Start a run of the stream's workflow from its active agents that depend on nothing",
                        NoOptions.class,
                        RunRoutes::start)
                .get(
                        "/api/streams/{id}/runs",
                        Access.VIEWER,
                        "The stream's workflow runs with their steps, newest first",
                        RunRoutes::list)
                .get("/api/workflow-runs/{id}", Access.VIEWER, "A workflow run with its steps", RunRoutes::show)
                .post(
                        "/api/workflow-runs/{id}/cancel",
                        Access.EDITOR,
                        "Cancel a running run: its pending tasks are cancelled, its running agents asked to stop",
                        NoOptions.class,
                        RunRoutes::cancel);
    }

    private static Object start(Call call) {
        noOptions(call);
        WorkflowRun run = new Workflows(call.data()).startWorkflow(call.orgId(), call.pathId("id"), RunTrigger.API);
        call.status(201);
        return Map.of("run", StreamReports.run(new WorkflowRuns(call.data()), call.orgId(), run));
    }

    private static Object list(Call call) {
        Stream stream = StreamRoutes.stream(call);
        int limit = call.limit();
        WorkflowRuns runs = new WorkflowRuns(call.data());
        Page<WorkflowRun> page = Page.of(
                runs.page(call.orgId(), stream.id(), StreamRoutes.after(call), limit + 1),
                limit,
                run -> Cursor.of(run.createdAt(), run.id()));
        List<JsonNode> items = new ArrayList<>();
        StreamReports.runs(runs, call.orgId(), page.items()).forEach(items::add);
        return new Page<>(items, page.nextCursor());
    }

    private static Object show(Call call) {
        WorkflowRuns runs = new WorkflowRuns(call.data());
        return Map.of("run", StreamReports.run(runs, call.orgId(), find(call, runs, call.pathId("id"))));
    }

    /** A run that has ended already is a 409 that says how it ended. */
    private static Object cancel(Call call) {
        noOptions(call);
        UUID id = call.pathId("id");
        WorkflowRuns runs = new WorkflowRuns(call.data());
        find(call, runs, id);
        if (!new Workflows(call.data()).cancel(call.orgId(), id)) {
            String status = find(call, runs, id).status();
            throw new ApiException(
                    409, "conflict", "the run has ended already (" + status + ")", Map.of("status", status));
        }
        return Map.of("run", StreamReports.run(runs, call.orgId(), find(call, runs, id)));
    }

    private static WorkflowRun find(Call call, WorkflowRuns runs, UUID id) {
        return runs.find(call.orgId(), id).orElseThrow(() -> ApiException.notFound("workflow run"));
    }

    /** The body is optional; when there is one, it is read strictly all the same. */
    private static void noOptions(Call call) {
        if (call.context().bodyAsBytes().length > 0) {
            call.body(NoOptions.class);
        }
    }
}
