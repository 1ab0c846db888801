package io.agentry.agent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The agents this process can run, by {@code agent_type}. */
public final class AgentRegistry {
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();

    public AgentRegistry register(String agentType, Agent agent) {
        if (agentType == null || !agentType.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("agent_type must be lower_snake_case, was " + agentType);
        }
        if (agents.putIfAbsent(agentType, agent) != null) {
            throw new IllegalArgumentException("agent_type " + agentType + " is already registered");
        }
        return this;
    }

    public Optional<Agent> find(String agentType) {
        return agentType == null ? Optional.empty() : Optional.ofNullable(agents.get(agentType));
    }

    public Set<String> types() {
        return new TreeMap<>(agents).keySet();
    }
}
