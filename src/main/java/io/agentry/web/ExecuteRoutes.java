package io.agentry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.workflow.RunTrigger;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.Workflows;

/** The seed's execute endpoint: one agent on a stream, in a workflow run of its own. */
final class ExecuteRoutes {
    /**
     * @param executionConfig goes over the assignment's execution_config for this execution
     * @param forceExecute run even when the agent's dependencies have not completed on the stream
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ExecuteRequest(JsonNode executionConfig, Boolean forceExecute) {}

    private ExecuteRoutes() {}

    static void addTo(Routes routes) {
        routes.post(
                "/api/streams/{id}/agents/{agentId}/execute",
                Access.EDITOR,
                "Execute an agent on a stream",
                ExecuteRequest.class,
                ExecuteRoutes::execute);
    }

    private static Object execute(Call call) {
        var streamId = call.pathId("id");
        var agentId = call.pathId("agentId");
        // The seed's body is optional: {} and no body mean the same.
        ExecuteRequest request = call.context().bodyAsBytes().length == 0
                ? new ExecuteRequest(null, null)
                : call.body(ExecuteRequest.class);
        if (request.executionConfig() != null && !request.executionConfig().isObject()) {
            throw ApiException.invalid("execution_config", "execution_config must be an object");
        }
        Workflows.ExecuteOptions options = Workflows.ExecuteOptions.defaults()
                .withTrigger(RunTrigger.API)
                .forced(Boolean.TRUE.equals(request.forceExecute()))
                .withConfig(request.executionConfig());
        Workflows.Started started = new Workflows(call.data()).execute(call.orgId(), streamId, agentId, options);
        call.status(201);
        return StreamReports.queued(started, streamId, agentId);
    }
}
