package io.agentry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.support.Clock;

/** The benchmark's job: notes when it started (its first statement) and does nothing else. */
final class NoopAgent implements Agent {
    static final String TYPE = "bench_noop";
    private static final AgentResult DONE = AgentResult.success(null);

    private final Clock clock;
    private final JobLog log;

    NoopAgent(Clock clock, JobLog log) {
        this.clock = clock;
        this.log = log;
    }

    @Override
    public AgentResult run(AgentContext context) {
        long started = clock.epochMicros();
        JsonNode input = context.input();
        log.started(input.path("i").asInt(-1), input.path("t").asLong(), started);
        return DONE;
    }
}
