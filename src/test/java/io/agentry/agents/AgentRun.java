package io.agentry.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.agent.CostMeter;
import io.agentry.agent.StopSignal;
import io.agentry.db.Database;
import io.agentry.support.Json;
import io.agentry.testing.RecordingStreamSink;
import io.agentry.testing.SettableClock;
import java.time.Instant;
import java.util.UUID;

/** One attempt of an agent, run by hand as the runner would: its result, what it reported and metered. */
record AgentRun(AgentResult result, RecordingStreamSink sink, JsonNode metrics) {
    static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");

    /** An attempt of a task on {@code streamId}; {@code goalContext} may be null (then the stream's goal counts). */
    static AgentRun of(
            Agent agent,
            String agentType,
            Database database,
            UUID orgId,
            UUID agentId,
            UUID streamId,
            JsonNode goalContext,
            UUID executionId,
            int attempt,
            RecordingStreamSink sink)
            throws Exception {
        ObjectNode input = Json.object();
        if (streamId != null) {
            input.put("stream_id", streamId.toString());
        }
        if (goalContext != null) {
            input.set("goal_context", goalContext);
        }
        CostMeter meter = new CostMeter();
        AgentContext context = AgentContext.builder()
                .task(UUID.randomUUID(), executionId, attempt)
                .agent(agentId, orgId, agentType, Json.object())
                .input(input)
                .stopSignal(new StopSignal())
                .meter(meter)
                .stream(sink)
                .database(database.dataSource())
                .clock(new SettableClock(NOW))
                .build();
        AgentResult result = agent.run(context);
        return new AgentRun(result, sink, meter.toJson(0));
    }

    JsonNode output() {
        return result.output();
    }
}
