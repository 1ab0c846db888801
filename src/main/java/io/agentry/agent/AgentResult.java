package io.agentry.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an agent returns.
 *
 * @param success false fails the attempt (it is retried like a thrown exception)
 * @param output stored in {@code agent_executions.output_data}
 * @param summary stored in {@code agent_executions.results_summary}; may be {@code null}
 * @param error why it failed, when it failed
 */
public record AgentResult(boolean success, JsonNode output, JsonNode summary, String error) {

    public AgentResult {
        if (!success && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a failed result must say why (error)");
        }
    }

    public static AgentResult success(JsonNode output) {
        return new AgentResult(true, output, null, null);
    }

    public static AgentResult success(JsonNode output, JsonNode summary) {
        return new AgentResult(true, output, summary, null);
    }

    public static AgentResult failure(String error) {
        return new AgentResult(false, null, null, error);
    }
}
