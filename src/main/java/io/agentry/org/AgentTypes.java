package io.agentry.org;

import java.util.List;

/**
 * The agent types an org may create (DESIGN.md §3). Types the engine runs for itself are not
 * among them: users neither create nor change an agent into one.
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

    private AgentTypes() {}

    public static boolean creatable(String agentType) {
        return CREATABLE.contains(agentType);
    }
}
