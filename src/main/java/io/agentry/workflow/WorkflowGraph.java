package io.agentry.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A stream's assignments as a graph of dependencies, for checking a write before it is made. */
final class WorkflowGraph {
    private final Map<UUID, Assignment> byAgent;

    private WorkflowGraph(Map<UUID, Assignment> byAgent) {
        this.byAgent = byAgent;
    }

    static WorkflowGraph of(Collection<Assignment> assignments) {
        Map<UUID, Assignment> byAgent = new LinkedHashMap<>();
        assignments.forEach(a -> byAgent.put(a.agentId(), a));
        return new WorkflowGraph(byAgent);
    }

    /** This graph with {@code assignment} added, or put in place of the agent's current one. */
    WorkflowGraph with(Assignment assignment) {
        Map<UUID, Assignment> next = new LinkedHashMap<>(byAgent);
        next.put(assignment.agentId(), assignment);
        return new WorkflowGraph(next);
    }

    /**
     * Refuses a dependency on an agent not assigned to the stream, and any cycle, naming it. The
     * graph was acyclic before the write, so a cycle now runs through the written assignment; every
     * assignment is checked all the same, which costs little at a workflow's size.
     */
    void check() {
        for (Assignment assignment : byAgent.values()) {
            List<UUID> dependsOn = assignment.dependsOn();
            for (int k = 0; k < dependsOn.size(); k++) {
                if (!byAgent.containsKey(dependsOn.get(k))) {
                    throw WorkflowException.invalid(
                            "depends_on_agent_ids[" + k + "]",
                            "agent " + dependsOn.get(k) + " is not assigned to this stream; "
                                    + "a dependency must be an agent assigned to the same stream");
                }
            }
        }
        for (UUID agent : byAgent.keySet()) {
            List<UUID> cycle = cycleFrom(agent, new ArrayList<>(), new HashSet<>());
            if (cycle != null) {
                throw WorkflowException.invalid(
                        "depends_on_agent_ids",
                        "the dependencies would make a cycle: "
                                + cycle.stream()
                                        .map(id -> describe(byAgent.get(id)))
                                        .collect(Collectors.joining(" depends on ")));
            }
        }
    }

    // Depth-first along dependencies; returns the path from the first repeated agent back to it.
    private List<UUID> cycleFrom(UUID agent, List<UUID> path, Set<UUID> done) {
        int seen = path.indexOf(agent);
        if (seen >= 0) {
            List<UUID> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(agent);
            return cycle;
        }
        if (!done.add(agent)) {
            return null;
        }
        path.add(agent);
        for (UUID dependency : byAgent.get(agent).dependsOn()) {
            List<UUID> cycle = cycleFrom(dependency, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    static String describe(Assignment assignment) {
        return assignment.agentType() + " '" + assignment.agentName() + "' (" + assignment.agentId() + ")";
    }
}
