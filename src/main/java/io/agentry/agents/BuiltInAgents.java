package io.agentry.agents;

import io.agentry.agent.AgentRegistry;
import io.agentry.company.reference.ReferenceData;
import io.agentry.support.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The agents Agentry ships, ready to register on a node: discovery, enrichment, scoring and the
 * scout, with what they need from this process (the catalogue's database, the reference data, the
 * clock, the Companies House client when a key is configured, one website analyser).
 */
public final class BuiltInAgents implements AutoCloseable {
    public static final List<String> TYPES =
            List.of("opportunity_bot", "enrichment_agent", "scoring_agent", "scout_agent");

    private final AgentRegistry registry = new AgentRegistry();

    public BuiltInAgents(DataSource dataSource, ReferenceData reference, Clock clock) {}

    /** Every built-in agent. */
    public AgentRegistry registry() {
        return registry;
    }

    /** Only the agent of this type: for a process that runs one agent and no other. */
    public AgentRegistry only(String agentType) {
        AgentRegistry one = new AgentRegistry();
        one.register(
                agentType,
                registry.find(agentType)
                        .orElseThrow(() -> new IllegalArgumentException("unknown agent type '" + agentType
                                + "'; the built-in agents are " + String.join(", ", TYPES))));
        return one;
    }

    @Override
    public void close() {}
}
