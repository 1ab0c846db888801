package io.agentry.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What an agent gets for one attempt: who it is, what to work on, and the means to work. A class
 * rather than a record, so that it can grow without breaking the agents written against it: the
 * runner builds it ({@link #builder}), agents only read it.
 *
 * <p>The stop signal is read-only here: an agent learns that it should stop ({@link
 * #isStopRequested}, {@link #checkpoint}), and cannot request or withdraw a stop itself.
 */
public final class AgentContext {
    private final UUID taskId;
    private final UUID executionId;
    private final UUID agentId;
    private final UUID orgId;
    private final UUID workflowRunId;
    private final int attempt;
    private final String agentType;
    private final JsonNode configuration;
    private final JsonNode input;
    private final StopSignal stopSignal;
    private final CostMeter meter;
    private final StreamSink stream;
    private final DataSource database;
    private final Clock clock;

    private AgentContext(Builder builder) {
        this.taskId = Objects.requireNonNull(builder.taskId, "taskId");
        this.executionId = builder.executionId;
        this.agentId = Objects.requireNonNull(builder.agentId, "agentId");
        this.orgId = Objects.requireNonNull(builder.orgId, "orgId");
        this.workflowRunId = builder.workflowRunId;
        this.attempt = builder.attempt;
        this.agentType = Objects.requireNonNull(builder.agentType, "agentType");
        this.configuration = builder.configuration == null ? Json.object() : builder.configuration;
        this.input = builder.input == null ? Json.object() : builder.input;
        this.stopSignal = Objects.requireNonNull(builder.stopSignal, "stopSignal");
        this.meter = Objects.requireNonNull(builder.meter, "meter");
        this.stream = builder.stream == null ? StreamSink.NONE : builder.stream;
        this.database = builder.database;
        this.clock = Objects.requireNonNull(builder.clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    public UUID taskId() {
        return taskId;
    }

    public UUID executionId() {
        return executionId;
    }

    public UUID agentId() {
        return agentId;
    }

    public UUID orgId() {
        return orgId;
    }

    /** The workflow run this attempt belongs to; null outside one. */
    public UUID workflowRunId() {
        return workflowRunId;
    }

    /** 1 for the first attempt, 2 for the first retry, … */
    public int attempt() {
        return attempt;
    }

    public String agentType() {
        return agentType;
    }

    /**
     * The agent's {@code ai_agents.configuration}, with its task's {@code execution_config} on top;
     * an empty object if it has none.
     */
    public JsonNode configuration() {
        return configuration;
    }

    /** The task's payload: {@code stream_id}, {@code goal_context}, upstream outputs, … */
    public JsonNode input() {
        return input;
    }

    /** The stream this attempt works on; null when it has none. */
    public UUID streamId() {
        JsonNode value = input.get("stream_id");
        return value == null || value.isNull() ? null : UUID.fromString(value.asText());
    }

    /** The stream's goal: {@code goal_criteria} and {@code target_metrics}; missing when none was given. */
    public JsonNode goalContext() {
        return input.path("goal_context");
    }

    /**
     * The outputs of the executions completed so far in its workflow run, by agent id, each as
     * {@code {"agent_type", "agent_name", "output"}}; empty outside a run.
     */
    public JsonNode upstreamOutputs() {
        JsonNode outputs = input.path("upstream_outputs");
        return outputs.isObject() ? outputs : Json.object();
    }

    /** Where the agent records the items, API calls, tokens and cost of this attempt. */
    public CostMeter meter() {
        return meter;
    }

    /** Where the agent reports events, insights and progress to its stream; drops them outside a stream. */
    public StreamSink stream() {
        return stream;
    }

    public DataSource database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    /** True once the runner asked this attempt to stop (cancel, timeout, lost lease, shutdown). */
    public boolean isStopRequested() {
        return stopSignal.isRequested();
    }

    /** Why the runner asked this attempt to stop; null while it has not. */
    public StopReason stopReason() {
        return stopSignal.reason();
    }

    /** Throws {@link InterruptedException} when a stop was requested: call it between steps. */
    public void checkpoint() throws InterruptedException {
        if (stopSignal.isRequested()) {
            throw new InterruptedException("stop requested: " + stopSignal.reason());
        }
    }

    /** Builds a context: for the runner, and for tests that run an agent by hand. */
    public static final class Builder {
        private UUID taskId;
        private UUID executionId;
        private UUID agentId;
        private UUID orgId;
        private UUID workflowRunId;
        private int attempt = 1;
        private String agentType;
        private JsonNode configuration;
        private JsonNode input;
        private StopSignal stopSignal;
        private CostMeter meter;
        private StreamSink stream;
        private DataSource database;
        private Clock clock;

        private Builder() {}

        public Builder task(UUID taskId, UUID executionId, int attempt) {
            this.taskId = taskId;
            this.executionId = executionId;
            this.attempt = attempt;
            return this;
        }

        public Builder agent(UUID agentId, UUID orgId, String agentType, JsonNode configuration) {
            this.agentId = agentId;
            this.orgId = orgId;
            this.agentType = agentType;
            this.configuration = configuration;
            return this;
        }

        public Builder workflowRun(UUID workflowRunId) {
            this.workflowRunId = workflowRunId;
            return this;
        }

        public Builder input(JsonNode input) {
            this.input = input;
            return this;
        }

        public Builder stopSignal(StopSignal stopSignal) {
            this.stopSignal = stopSignal;
            return this;
        }

        public Builder meter(CostMeter meter) {
            this.meter = meter;
            return this;
        }

        public Builder stream(StreamSink stream) {
            this.stream = stream;
            return this;
        }

        public Builder database(DataSource database) {
            this.database = database;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public AgentContext build() {
            return new AgentContext(this);
        }
    }
}
