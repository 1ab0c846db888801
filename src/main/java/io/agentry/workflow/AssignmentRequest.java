package io.agentry.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What to assign, or change in an assignment: a field left null keeps its current value (or its
 * default for a new assignment: role {@code primary}, active, not auto-executed, no
 * dependencies, an empty configuration).
 */
public record AssignmentRequest(
        UUID agentId,
        String role,
        Integer executionOrder,
        Boolean active,
        Boolean autoExecute,
        String executionFrequency,
        JsonNode executionConfig,
        List<UUID> dependsOn) {

    public AssignmentRequest {
        Objects.requireNonNull(agentId, "agent_id is required");
        dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
    }

    public static AssignmentRequest of(UUID agentId) {
        return new AssignmentRequest(agentId, null, null, null, null, null, null, null);
    }

    public AssignmentRequest withRole(String value) {
        return new AssignmentRequest(
                agentId, value, executionOrder, active, autoExecute, executionFrequency, executionConfig, dependsOn);
    }

    public AssignmentRequest withExecutionOrder(int value) {
        return new AssignmentRequest(
                agentId, role, value, active, autoExecute, executionFrequency, executionConfig, dependsOn);
    }

    public AssignmentRequest withActive(boolean value) {
        return new AssignmentRequest(
                agentId, role, executionOrder, value, autoExecute, executionFrequency, executionConfig, dependsOn);
    }

    public AssignmentRequest withAutoExecute(boolean value) {
        return new AssignmentRequest(
                agentId, role, executionOrder, active, value, executionFrequency, executionConfig, dependsOn);
    }

    public AssignmentRequest withExecutionFrequency(String value) {
        return new AssignmentRequest(
                agentId, role, executionOrder, active, autoExecute, value, executionConfig, dependsOn);
    }

    public AssignmentRequest withExecutionConfig(JsonNode value) {
        return new AssignmentRequest(
                agentId, role, executionOrder, active, autoExecute, executionFrequency, value, dependsOn);
    }

    public AssignmentRequest withDependsOn(List<UUID> value) {
        return new AssignmentRequest(
                agentId, role, executionOrder, active, autoExecute, executionFrequency, executionConfig, value);
    }
}
