package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agents.BuiltInAgents;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.stream.Goal;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamEvents;
import io.agentry.stream.StreamFeeds;
import io.agentry.support.Clock;
import io.agentry.workflow.RunTrigger;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.Workflows;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentry workflow run STREAM}: a run of the stream's whole workflow, followed live. */
@Command(
        name = "workflow",
        mixinStandardHelpOptions = true,
        description = "Run a stream's workflow: its assigned agents, each once all it depends on completed.",
        footer = Main.FOOTER,
        subcommands = {WorkflowCommand.Run.class})
final class WorkflowCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Start a run of the stream's workflow: every active assigned agent that depends on nothing starts, "
                        + "and each other auto-executed agent follows once all its dependencies completed in the run "
                        + "(agentry streams assign). Prints each agent as it starts and ends and the stream's "
                        + "events, until the run ends; then the steps and the top companies.",
                "This process runs a node with the built-in agents until the run ends; a node already running "
                        + "(agentry serve) may take some of the tasks, with the same result. With --detach it only "
                        + "starts the run and prints its id, for a running node to carry out.",
                "With --url the server starts the run and its nodes carry it out; this process follows it (each "
                        + "agent as it starts and ends, not the stream's events) and leaving it leaves the run going. "
                        + "See docs/cli-remote.md."
            },
            footer = Main.FOOTER)
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Mixin
        RemoteFlags remote;

        @Mixin
        ReferenceFlags referenceFlags;

        @Parameters(index = "0", paramLabel = "STREAM", description = "The stream's id (agentry streams list).")
        String stream;

        @Option(names = "--detach", description = "Start the run and return; a running node carries it out.")
        boolean detach;

        @Option(names = "--quiet", description = "Print the agents' starts and ends, not every stream event.")
        boolean quiet;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "1h",
                description = "How long to follow the run (10s..7d); past it this process stops and a running "
                        + "node carries on. Default: ${DEFAULT-VALUE}.")
        String timeout;

        @Option(
                names = "--top",
                paramLabel = "N",
                defaultValue = "10",
                description = "Companies shown at the end (1..1000). Default: ${DEFAULT-VALUE}.")
        String top;

        @Override
        public Integer call() throws InterruptedException {
            FlagValues flags = new FlagValues(spec);
            UUID streamId = StreamText.streamId(flags, stream);
            int limit = flags.whole("--top", top, "1..1000");
            Duration wait = flags.duration("--timeout", timeout, "10s..7d");
            Optional<RemoteApi> api = remote.api();
            return api.isPresent()
                    ? throughServer(api.get(), streamId, limit, wait)
                    : onDatabase(streamId, limit, wait);
        }

        /** Starts the run and carries it out in this process, with a node of the built-in agents. */
        private int onDatabase(UUID streamId, int limit, Duration wait) throws InterruptedException {
            ReferenceData reference = referenceFlags.load();
            try (Database db = Databases.open(database.config())) {
                db.migrate();
                Optional<Stream> found = StreamText.find(spec, db.dataSource(), streamId);
                if (found.isEmpty()) {
                    return 1;
                }
                Stream target = found.get();
                long after = new StreamEvents(db.dataSource()).lastId(streamId);
                WorkflowRun run =
                        new Workflows(db.dataSource()).startWorkflow(target.orgId(), streamId, RunTrigger.MANUAL);
                if (started(target, run.id())) {
                    return 0;
                }
                Clock clock = Clock.system();
                JsonNode ended;
                try (BuiltInAgents agents = BuiltInAgents.fromEnvironment(reference, clock);
                        Runner runner = new Runner(
                                db,
                                agents.registry(),
                                new StreamFeeds(db.dataSource(), clock),
                                RunnerOptions.defaults(),
                                clock)) {
                    runner.start();
                    ended = watch(target, clock).follow(RunFeed.of(db.dataSource(), run, after), wait);
                }
                return ended(ended, StreamReports.overview(db.dataSource(), clock, target, limit));
            }
        }

        /** Starts the run through the server and follows it there; the server's nodes carry it out. */
        private int throughServer(RemoteApi api, UUID streamId, int limit, Duration wait) throws InterruptedException {
            String overview = "/api/streams/" + streamId + "?top=" + limit;
            Stream target;
            try {
                target = Documents.read(api.get(overview).path("stream"), Stream.class);
            } catch (ApiError e) {
                if (e.isNotFound()) {
                    return StreamText.notFound(spec, streamId);
                }
                throw e;
            }
            JsonNode run =
                    api.post("/api/streams/" + streamId + "/workflow/run", null).path("run");
            UUID runId = UUID.fromString(run.path("id").asText());
            if (started(target, runId)) {
                return 0;
            }
            JsonNode ended = watch(target, Clock.system()).follow(RunFeed.of(api, runId), wait);
            return ended(ended, api.get(overview));
        }

        /** Says the run started; true when that is all there is to do ({@code --detach}). */
        private boolean started(Stream target, UUID runId) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Started run %s of stream \"%s\"%n", runId, target.name());
            if (detach) {
                out.println("A running node (agentry serve) carries it out; agentry runs " + target.id()
                        + " shows how it goes.");
            }
            out.flush();
            return detach;
        }

        private RunWatch watch(Stream target, Clock clock) {
            double minQuality = target.targetMetrics().path("min_quality_score").asDouble(Goal.DEFAULT_MIN_QUALITY);
            return new RunWatch(spec.commandLine().getOut(), !quiet, clock, minQuality);
        }

        /** The run's steps and the stream's top companies; exit 0 when the run completed. */
        private int ended(JsonNode run, JsonNode overview) {
            PrintWriter out = spec.commandLine().getOut();
            out.println();
            out.print(WorkflowText.runWithSteps(run));
            out.println();
            out.print(StreamText.of(overview));
            out.flush();
            return run.path("status").asText().equals("completed") ? 0 : 1;
        }
    }
}
