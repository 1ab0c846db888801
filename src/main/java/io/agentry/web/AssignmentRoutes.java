package io.agentry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.stream.Stream;
import io.agentry.workflow.AssignmentRequest;
import io.agentry.workflow.Assignments;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agents assigned to a stream: its workflow. {@link Assignments} checks every write against
 * the stream's other assignments (unknown agents, dependencies not on the stream, cycles).
 */
final class AssignmentRoutes {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewAssignment(
            UUID agentId,
            String assignmentRole,
            Integer executionOrder,
            Boolean isActive,
            Boolean autoExecute,
            String executionFrequency,
            JsonNode executionConfig,
            List<UUID> dependsOnAgentIds) {}

    /** Null keeps a field. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AssignmentUpdate(
            String assignmentRole,
            Integer executionOrder,
            Boolean isActive,
            Boolean autoExecute,
            String executionFrequency,
            JsonNode executionConfig,
            List<UUID> dependsOnAgentIds) {}

    private AssignmentRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                        "/api/streams/{id}/agents",
                        Access.VIEWER,
                        "The agents assigned to a stream, in execution order, with their counters",
                        AssignmentRoutes::list)
                .post(
                        "/api/streams/{id}/agents",
                        Access.EDITOR,
                        "Assign an agent to a stream",
                        NewAssignment.class,
                        AssignmentRoutes::add)
                .patch(
                        "/api/streams/{id}/agents/{agentId}",
                        Access.EDITOR,
                        "Change an agent's assignment to a stream",
                        AssignmentUpdate.class,
                        AssignmentRoutes::change)
                .delete(
                        "/api/streams/{id}/agents/{agentId}",
                        Access.EDITOR,
                        "Remove an agent from a stream (refused while other agents depend on it)",
                        AssignmentRoutes::remove);
    }

    private static Object list(Call call) {
        Stream stream = StreamRoutes.stream(call);
        return new Page<>(new Assignments(call.data()).list(call.orgId(), stream.id()), null);
    }

    private static Object add(Call call) {
        NewAssignment body = call.body(NewAssignment.class);
        if (body.agentId() == null) {
            throw ApiException.invalid("agent_id", "agent_id is required");
        }
        AssignmentRequest request = new AssignmentRequest(
                body.agentId(),
                body.assignmentRole(),
                body.executionOrder(),
                body.isActive(),
                body.autoExecute(),
                body.executionFrequency(),
                StreamRoutes.given(body.executionConfig()),
                agents(body.dependsOnAgentIds()));
        var assignment = new Assignments(call.data()).add(call.orgId(), call.pathId("id"), request);
        call.status(201);
        return Map.of("assignment", assignment);
    }

    private static Object change(Call call) {
        AssignmentUpdate body = call.body(AssignmentUpdate.class);
        AssignmentRequest request = new AssignmentRequest(
                call.pathId("agentId"),
                body.assignmentRole(),
                body.executionOrder(),
                body.isActive(),
                body.autoExecute(),
                body.executionFrequency(),
                StreamRoutes.given(body.executionConfig()),
                agents(body.dependsOnAgentIds()));
        return Map.of("assignment", new Assignments(call.data()).change(call.orgId(), call.pathId("id"), request));
    }

    private static Object remove(Call call) {
        if (!new Assignments(call.data()).remove(call.orgId(), call.pathId("id"), call.pathId("agentId"))) {
            throw ApiException.notFound("assignment");
        }
        return null;
    }

    private static List<UUID> agents(List<UUID> ids) {
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) == null) {
                    throw ApiException.invalid("depends_on_agent_ids[" + i + "]", "must be an agent id, not null");
                }
            }
        }
        return ids;
    }
}
