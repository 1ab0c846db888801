package io.agentry.web;

import io.agentry.queue.ExecutionDetails;
import io.agentry.queue.ExecutionHistory;
import java.util.List;
import java.util.Map;

/** The org's executions: what each attempt of its agents' tasks did, newest first. */
final class AgentExecutionRoutes {
    private AgentExecutionRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                        "/api/agents/executions",
                        Access.VIEWER,
                        "List executions, newest first (filters: stream_id, agent_id, status)",
                        AgentExecutionRoutes::list)
                .get(
                        "/api/agents/executions/{id}",
                        Access.VIEWER,
                        "One execution with its input, output, metrics and error",
                        call -> Map.of(
                                "execution",
                                new ExecutionHistory(call.data())
                                        .find(call.orgId(), call.pathId("id"))
                                        .orElseThrow(() -> ApiException.notFound("execution"))));
    }

    private static Object list(Call call) {
        ExecutionHistory.Filter filter = new ExecutionHistory.Filter(
                call.queryId("stream_id"),
                call.queryId("agent_id"),
                Queries.oneOf(call, "status", ExecutionHistory.STATUSES));
        Keyset after = Keyset.of(call);
        int limit = call.limit();
        List<ExecutionDetails> executions =
                new ExecutionHistory(call.data()).list(call.orgId(), filter, after.at(), after.id(), limit + 1);
        return Page.of(executions, limit, execution -> Cursor.of(execution.createdAt(), execution.id()));
    }
}
