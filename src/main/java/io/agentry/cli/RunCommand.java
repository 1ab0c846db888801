package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agents.BuiltInAgents;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.org.Organizations;
import io.agentry.queue.Execution;
import io.agentry.queue.Executions;
import io.agentry.queue.Task;
import io.agentry.queue.TaskQueue;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamEvent;
import io.agentry.stream.StreamEvents;
import io.agentry.stream.StreamFeeds;
import io.agentry.stream.StreamItems;
import io.agentry.stream.StreamProgress;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.workflow.Workflows;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agentry run AGENT_TYPE --stream ID}: one agent on one stream, through the queue. The
 * command executes the agent in a workflow run of its own (forced: whatever its dependencies did),
 * runs a node for that agent type in this process until its task ends, printing the stream's
 * events as they are written, then the result and the top companies. Agents assigned to depend on
 * it follow in the run on a node that runs them.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run one agent on a stream through the queue and watch it work: its activity, the stream's progress, "
                    + "milestones and insights as they happen, then the agent's output and the stream's top "
                    + "companies (score, priority, why).",
            "The agent types: opportunity_bot (discovery), enrichment_agent, scoring_agent, scout_agent. "
                    + "The organization's agent of that type is used, made on first use. This process runs a "
                    + "node for that type until the task ends; a node already running (agentry serve) may "
                    + "take the task instead, with the same result."
        },
        footer = Main.FOOTER)
final class RunCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(250);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    ReferenceFlags referenceFlags;

    @Parameters(
            index = "0",
            paramLabel = "AGENT_TYPE",
            description = "opportunity_bot, enrichment_agent, " + "scoring_agent or scout_agent.")
    String agentType;

    @Option(names = "--stream", paramLabel = "ID", required = true, description = "The stream to work on.")
    String stream;

    @Option(
            names = "--config",
            paramLabel = "JSON",
            description = "The agent's configuration, kept for its later runs: '{\"threshold\": 0.7}'. "
                    + "Default: the configuration it has.")
    String configJson;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "The longest one attempt may run (30s, 10m, 1h). Default: the agent's timeout_seconds, "
                    + "else 15m.")
    String timeout;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "10",
            description = "Companies shown at the end (1..1000). Default: ${DEFAULT-VALUE}.")
    String top;

    @Option(names = "--json", description = "Print the execution and the top companies as JSON, without live lines.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        FlagValues flags = new FlagValues(spec);
        if (!BuiltInAgents.TYPES.contains(agentType)) {
            throw flags.error("AGENT_TYPE: unknown agent type '" + agentType + "'; the agent types are "
                    + String.join(", ", BuiltInAgents.TYPES));
        }
        UUID streamId = StreamText.streamId(flags, stream);
        JsonNode configuration = configJson == null ? null : flags.jsonObject("--config", configJson);
        Integer timeoutSeconds = timeout == null
                ? null
                : (int) flags.duration("--timeout", timeout, "1s..7d").toSeconds();
        int limit = flags.whole("--top", top, "1..1000");
        ReferenceData reference = referenceFlags.load();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Databases.open(database.config())) {
            db.migrate();
            Optional<Stream> found = StreamText.find(spec, db.dataSource(), streamId);
            if (found.isEmpty()) {
                return 1;
            }
            Stream target = found.get();
            Organizations orgs = new Organizations(db.dataSource());
            UUID agentId = orgs.agentOfType(target.orgId(), agentType, agentType);
            if (configuration != null) {
                orgs.configure(agentId, configuration);
            }
            Workflows.Started started = new Workflows(db.dataSource())
                    .execute(
                            target.orgId(),
                            streamId,
                            agentId,
                            Workflows.ExecuteOptions.defaults().forced(true).withTimeoutSeconds(timeoutSeconds));
            TaskQueue queue = new TaskQueue(db.dataSource());
            if (!json) {
                out.printf("Running %s on stream \"%s\" (task %s)%n", agentType, target.name(), started.taskId());
                out.flush();
            }
            Clock clock = Clock.system();
            try (BuiltInAgents agents = BuiltInAgents.fromEnvironment(reference, clock);
                    Runner runner = new Runner(
                            db,
                            agents.only(agentType),
                            new StreamFeeds(db.dataSource(), clock),
                            RunnerOptions.defaults().withSlots(1),
                            clock)) {
                runner.start();
                Task ended = watch(db, queue, started, streamId, out);
                Execution execution = new Executions(db.dataSource())
                        .find(started.executionId())
                        .orElseThrow();
                report(db, ended, execution, streamId, limit, out);
                return execution.status().equals("completed") ? 0 : 1;
            }
        }
    }

    /** Prints the stream's events of this run as they come, until the task has ended. */
    private Task watch(Database db, TaskQueue queue, Workflows.Started task, UUID streamId, PrintWriter out)
            throws InterruptedException {
        StreamEvents events = new StreamEvents(db.dataSource());
        long after = events.lastId(streamId);
        while (true) {
            Task current = queue.find(task.taskId()).orElseThrow();
            for (StreamEvent event : events.since(streamId, after, 500)) {
                after = event.id();
                if (!json && concerns(event, task.executionId())) {
                    out.println("  " + StreamText.event(event));
                }
            }
            out.flush();
            if (current.status().isTerminal()) {
                return current;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    /** Events of this execution, and stream-wide ones (milestones, insights) it caused. */
    private static boolean concerns(StreamEvent event, UUID executionId) {
        JsonNode execution = event.payload().get("execution_id");
        return execution == null || execution.asText().equals(executionId.toString());
    }

    private void report(Database db, Task task, Execution execution, UUID streamId, int limit, PrintWriter out) {
        var items = new StreamItems(db.dataSource()).ranked(streamId, limit);
        if (json) {
            ObjectNode result = Json.object();
            result.put("task_id", task.id().toString());
            result.set("execution", Json.MAPPER.valueToTree(execution));
            result.set("items", Json.MAPPER.valueToTree(items));
            out.println(Json.write(result));
            out.flush();
            return;
        }
        out.printf(
                "%s %s after %d attempt(s) in %s%n",
                agentType,
                execution.status(),
                execution.attempts(),
                execution.durationMs() == null ? "-" : Durations.text(Duration.ofMillis(execution.durationMs())));
        if (execution.errorMessage() != null) {
            out.println("Error: " + execution.errorMessage());
        }
        if (execution.outputData() != null) {
            out.println("Output: " + Json.write(execution.outputData()));
        }
        out.println("Metrics: " + Json.write(execution.metrics()));
        new StreamProgress(db.dataSource(), Clock.system())
                .read(streamId)
                .ifPresent(p -> out.println("Progress: " + StreamText.progress(p)));
        if (!items.isEmpty()) {
            out.println();
            out.println("Top companies:");
            out.print(StreamText.items(items));
        }
        out.flush();
    }
}
