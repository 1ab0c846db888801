package io.agentry.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Database;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream with agents named a, b, c, d (types {@code step_a} …) for workflow tests. Each test
 * agent records the input it got and answers with its own name, unless told to fail.
 */
final class WorkflowWorld {
    final Database database;
    final Fixtures fixtures;
    final Assignments assignments;
    final Workflows workflows;
    final WorkflowRuns runs;
    final UUID org;
    final UUID stream;
    final Map<String, UUID> agents = new ConcurrentHashMap<>();
    final Map<String, List<JsonNode>> inputs = new ConcurrentHashMap<>();
    final Map<String, String> failing = new ConcurrentHashMap<>();

    WorkflowWorld(Database database) {
        this.database = database;
        this.fixtures = new Fixtures(database);
        this.assignments = new Assignments(database.dataSource());
        this.workflows = new Workflows(database.dataSource());
        this.runs = new WorkflowRuns(database.dataSource());
        this.org = fixtures.organization();
        this.stream = TestStreams.aStream(
                database.dataSource(), org, "{\"industry\": [\"SaaS\"]}", "{\"companies_to_find\": 5}");
        for (String name : List.of("a", "b", "c", "d")) {
            agents.put(name, fixtures.agent(org, "step_" + name));
        }
    }

    UUID agent(String name) {
        return agents.get(name);
    }

    /** Assigns {@code name}, auto-executed, depending on the agents named. */
    Assignment assign(String name, String... dependsOn) {
        List<UUID> dependencies = new ArrayList<>();
        for (String dependency : dependsOn) {
            dependencies.add(agent(dependency));
        }
        return assignments.assign(
                org,
                stream,
                AssignmentRequest.of(agent(name)).withAutoExecute(true).withDependsOn(dependencies));
    }

    AgentRegistry registry() {
        AgentRegistry registry = new AgentRegistry();
        for (String name : List.of("a", "b", "c", "d")) {
            registry.register("step_" + name, context -> {
                inputs.computeIfAbsent(name, k -> new ArrayList<>()).add(context.input());
                String failure = failing.get(name);
                if (failure != null) {
                    return AgentResult.failure(failure);
                }
                return AgentResult.success(Json.object().put("from", name));
            });
        }
        return registry;
    }

    Runner runner(String node) {
        return new Runner(database, registry(), RunnerOptions.defaults().withNodeId(node), Clock.system());
    }

    /** Runs the runner step by step until nothing is left to claim. */
    static void drain(Runner runner) {
        while (runner.runOnce() > 0) {
            // each step claims, runs and writes what was due
        }
    }

    List<String> stepsOf(UUID runId) {
        return runs.steps(org, runId).stream()
                .map(step -> step.agentType().substring("step_".length()) + ":" + step.status())
                .toList();
    }

    String runStatus(UUID runId) {
        return runs.find(org, runId).orElseThrow().status();
    }
}
