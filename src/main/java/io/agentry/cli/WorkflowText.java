package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.workflow.Assignment;
import io.agentry.workflow.RunStep;
import io.agentry.workflow.WorkflowRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** How a stream's workflow and its runs read on a terminal. */
final class WorkflowText {
    private WorkflowText() {}

    static String assignments(List<Assignment> assignments) {
        Map<UUID, String> types =
                assignments.stream().collect(Collectors.toMap(Assignment::agentId, Assignment::agentType, (a, b) -> a));
        TextTable table = new TextTable(
                "ORDER", "AGENT", "TYPE", "ROLE", "ACTIVE", "AUTO", "DEPENDS ON", "RUNS", "OK", "AVG", "LAST RUN");
        for (Assignment a : assignments) {
            table.row(
                    a.executionOrder() == null ? "" : a.executionOrder(),
                    a.agentId(),
                    a.agentType(),
                    a.role(),
                    a.active() ? "yes" : "no",
                    a.autoExecute() ? "yes" : "no",
                    a.dependsOn().stream()
                            .map(id -> types.getOrDefault(id, id.toString()))
                            .collect(Collectors.joining(", ")),
                    a.totalExecutions(),
                    a.successfulExecutions(),
                    a.avgExecutionTimeMs() == null ? "" : Durations.text(Duration.ofMillis(a.avgExecutionTimeMs())),
                    StreamText.date(a.lastExecutedAt()));
        }
        return table.toString();
    }

    static String run(WorkflowRun run) {
        String took = run.completedAt() == null
                ? ""
                : " in " + Durations.text(Duration.between(run.createdAt(), run.completedAt()));
        String line = "Run " + run.id() + " (" + run.trigger().sql() + ", started " + StreamText.date(run.createdAt())
                + "): " + run.status() + took;
        return run.errorMessage() == null || run.status().equals("cancelled")
                ? line
                : line + "\n  " + run.errorMessage();
    }

    /** A run with its steps ({@link io.agentry.workflow.StreamReports#run}): its line, then its steps' table. */
    static String runWithSteps(JsonNode run) {
        return run(Documents.read(run, WorkflowRun.class)) + "\n"
                + steps(Documents.list(run.path("steps"), RunStep.class));
    }

    static String steps(List<RunStep> steps) {
        TextTable table = new TextTable("AGENT", "STATUS", "ATTEMPTS", "STARTED", "DURATION", "ERROR");
        for (RunStep step : steps) {
            table.row(
                    step.agentType(),
                    step.status(),
                    step.attempts(),
                    StreamText.date(step.startedAt()),
                    step.durationMs() == null ? "" : Durations.text(Duration.ofMillis(step.durationMs())),
                    step.errorMessage() == null ? "" : step.errorMessage());
        }
        return table.toString();
    }
}
