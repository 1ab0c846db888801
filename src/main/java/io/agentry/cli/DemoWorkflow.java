package io.agentry.cli;

import io.agentry.workflow.Assignment;
import io.agentry.workflow.AssignmentRequest;
import io.agentry.workflow.Assignments;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The demo stream's workflow: OpportunityBot, then EnrichmentAgent, then ScoringAgent, each
 * depending on the one before and run automatically when it completes. Assigning an agent that is
 * assigned already updates it, so a second demo puts back whatever was changed since.
 */
final class DemoWorkflow {
    private DemoWorkflow() {}

    /** Assigns the agents; returns whether every assignment was there already as the demo wants it. */
    static boolean assign(DataSource dataSource, DemoSetup.Prepared demo) {
        Assignments assignments = new Assignments(dataSource);
        UUID streamId = demo.stream().id();
        List<Assignment> before = assignments.list(demo.orgId(), streamId);
        boolean unchanged = true;
        for (int i = 0; i < DemoSetup.AGENTS.size(); i++) {
            UUID agentId = demo.agentIds().get(i);
            List<UUID> dependsOn = i == 0 ? List.of() : List.of(demo.agentIds().get(i - 1));
            String role = DemoSetup.AGENTS.get(i).role();
            int order = i + 1;
            unchanged &= before.stream()
                    .anyMatch(a -> a.agentId().equals(agentId)
                            && a.active()
                            && a.autoExecute()
                            && role.equals(a.role())
                            && Objects.equals(a.executionOrder(), order)
                            && a.dependsOn().equals(dependsOn));
            assignments.assign(
                    demo.orgId(),
                    streamId,
                    AssignmentRequest.of(agentId)
                            .withRole(role)
                            .withExecutionOrder(order)
                            .withActive(true)
                            .withAutoExecute(true)
                            .withDependsOn(dependsOn));
        }
        return unchanged;
    }
}
