package io.agentry.cli;

import io.agentry.stream.StreamEvent;
import io.agentry.stream.StreamEvents;
import io.agentry.workflow.RunStep;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.WorkflowRuns;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Follows a workflow run on the terminal until it ends: each agent as it starts and ends, and the
 * stream's events (activity, progress, milestones, insights) as the agents write them.
 */
final class RunWatch {
    private static final Duration POLL = Duration.ofMillis(200);

    private final WorkflowRuns runs;
    private final StreamEvents events;
    private final PrintWriter out;
    private final boolean quiet;

    /** @param quiet print the agents' starts and ends only, not every stream event */
    RunWatch(DataSource dataSource, PrintWriter out, boolean quiet) {
        this.runs = new WorkflowRuns(dataSource);
        this.events = new StreamEvents(dataSource);
        this.out = out;
        this.quiet = quiet;
    }

    /** Prints what happens in the run from now on and returns it once it has ended. */
    WorkflowRun follow(UUID orgId, UUID runId) throws InterruptedException {
        WorkflowRun run = runs.find(orgId, runId).orElseThrow();
        long after = run.streamId() == null ? 0 : events.lastId(run.streamId());
        Map<UUID, String> seen = new HashMap<>();
        while (true) {
            run = runs.find(orgId, runId).orElseThrow();
            if (run.streamId() != null) {
                for (StreamEvent event : events.since(run.streamId(), after, 500)) {
                    after = event.id();
                    if (!quiet) {
                        out.println("    " + StreamText.event(event));
                    }
                }
            }
            for (RunStep step : runs.steps(orgId, runId)) {
                if (!step.status().equals(seen.put(step.executionId(), step.status()))) {
                    String line = step(step);
                    if (line != null) {
                        out.println(line);
                    }
                }
            }
            out.flush();
            if (!run.isRunning()) {
                return run;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    private static String step(RunStep step) {
        String took = step.durationMs() == null ? "" : " in " + Durations.text(Duration.ofMillis(step.durationMs()));
        return switch (step.status()) {
            case "queued" -> step.attempts() == 0 ? "  " + step.agentType() + " queued" : null;
            case "running" -> "  " + step.agentType() + " running (attempt " + step.attempts() + ")";
            case "completed" -> "  " + step.agentType() + " completed" + took;
            default ->
                "  " + step.agentType() + " " + step.status() + took
                        + (step.errorMessage() == null ? "" : ": " + step.errorMessage());
        };
    }
}
