package io.agentry.org;

import java.util.List;

/**
 * The agent types an org may create (DESIGN.md §3), and those the engine runs for itself. Users
 * neither create an agent of a system type, nor change one into or out of it, nor delete one.
 */
public final class AgentTypes {
    /** In the order the documentation lists them. */
    public static final List<String> CREATABLE = List.of(
            "opportunity_bot",
            "enrichment_agent",
            "scoring_agent",
            "scout_agent",
            "writer_agent",
            "relationship_agent",
            "research_gpt");

    /** Agentry's own agents: {@code webhook_notifier} delivers an org's webhooks (docs/webhooks.md). */
    public static final List<String> SYSTEM = List.of("webhook_notifier");

    private AgentTypes() {}

    public static boolean creatable(String agentType) {
        return CREATABLE.contains(agentType);
    }

    public static boolean system(String agentType) {
        return SYSTEM.contains(agentType);
    }
}
