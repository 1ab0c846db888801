package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.org.Organizations;
import io.agentry.stream.Progress;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamProgress;
import io.agentry.stream.Streams;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.workflow.AssignmentRequest;
import io.agentry.workflow.Assignments;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentry streams create|list|show}: a sales team's goals and what the agents found for them. */
@Command(
        name = "streams",
        mixinStandardHelpOptions = true,
        description = "Create and look at streams: goals such as \"50 UK SaaS companies of 10-500 people\" "
                + "that agents work on (`agentry run AGENT_TYPE --stream ID`).",
        footer = Main.FOOTER,
        subcommands = {
            StreamCreateCommand.class,
            StreamsCommand.ListStreams.class,
            StreamsCommand.Show.class,
            StreamsCommand.Assign.class
        })
final class StreamsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "The organization's streams, newest first, with their progress.",
            footer = Main.FOOTER)
    static final class ListStreams implements Callable<Integer> {
        /** The newest streams listed. */
        private static final int MAX_LISTED = 100;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Mixin
        RemoteFlags remote;

        @Mixin
        OrgFlags org;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            Optional<RemoteApi> api = remote.api();
            List<JsonNode> streams;
            if (api.isPresent()) {
                streams = api.get().list("/api/streams", "limit=" + MAX_LISTED, MAX_LISTED);
            } else {
                try (Database db = Databases.openExisting(database.config())) {
                    streams = summaries(db);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(streams));
            } else {
                out.print(StreamText.list(
                        streams, api.isPresent() ? "the key's organization" : "organization '" + org.name + "'"));
            }
            out.flush();
            return 0;
        }

        private List<JsonNode> summaries(Database db) {
            Optional<UUID> orgId = new Organizations(db.dataSource()).find(org.name);
            List<Stream> streams = orgId.map(
                            id -> new Streams(db.dataSource(), ReferenceData.bundled()).list(id, MAX_LISTED))
                    .orElse(List.of());
            Map<UUID, Progress> progress = new StreamProgress(db.dataSource(), Clock.system())
                    .readAll(streams.stream().map(Stream::id).toList());
            List<JsonNode> summaries = new ArrayList<>();
            for (Stream stream : streams) {
                summaries.add(StreamReports.summary(stream, progress.get(stream.id())));
            }
            return summaries;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A stream's goal, progress, top companies (score, priority, why) and latest insights.",
            footer = Main.FOOTER)
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Mixin
        RemoteFlags remote;

        @Parameters(index = "0", paramLabel = "ID", description = "The stream's id (agentry streams list).")
        String id;

        @Option(
                names = "--top",
                paramLabel = "N",
                defaultValue = "10",
                description = "Companies shown (1..1000). " + "Default: ${DEFAULT-VALUE}.")
        String top;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            FlagValues flags = new FlagValues(spec);
            UUID streamId = StreamText.streamId(flags, id);
            int limit = flags.whole("--top", top, "1..1000");
            Optional<JsonNode> overview = overview(limit, streamId);
            if (overview.isEmpty()) {
                return StreamText.notFound(spec, streamId);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(overview.get()));
            } else {
                out.print(StreamText.of(overview.get()) + StreamText.workflow(overview.get()));
            }
            out.flush();
            return 0;
        }

        /** The stream's overview with its {@code top} companies, through the server or from the database. */
        private Optional<JsonNode> overview(int top, UUID streamId) {
            Optional<RemoteApi> api = remote.api();
            if (api.isPresent()) {
                try {
                    return Optional.of(api.get().get("/api/streams/" + streamId + "?top=" + top));
                } catch (ApiError e) {
                    if (e.isNotFound()) {
                        return Optional.empty();
                    }
                    throw e;
                }
            }
            try (Database db = Databases.openExisting(database.config())) {
                return new Streams(db.dataSource(), ReferenceData.bundled())
                        .find(streamId)
                        .map(stream -> StreamReports.overview(db.dataSource(), Clock.system(), stream, top));
            }
        }
    }

    @Command(
            name = "assign",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Assign an agent to a stream, or change its assignment (what is not given stays as it was), then "
                        + "print the stream's workflow.",
                "AGENT and --depends-on take an agent id or a built-in type (the organization's agent of that "
                        + "type, made on first use). A dependency must be assigned to the stream already; a cycle "
                        + "is refused and named. With --auto-execute the agent starts by itself in a run once all "
                        + "it depends on completed in that run. See docs/workflows.md."
            },
            footer = Main.FOOTER)
    static final class Assign implements Callable<Integer> {
        /** The fields of an assignment as the flags that set them, for errors in the user's words. */
        private static final Map<String, String> FLAG_OF = Map.of(
                "agent_id", "AGENT",
                "stream_id", "STREAM",
                "assignment_role", "--role",
                "execution_config", "--config",
                "depends_on_agent_ids", "--depends-on");

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Parameters(index = "0", paramLabel = "STREAM", description = "The stream's id (agentry streams list).")
        String stream;

        @Parameters(index = "1", paramLabel = "AGENT", description = "An agent id or type, e.g. enrichment_agent.")
        String agent;

        @Option(
                names = "--depends-on",
                paramLabel = "AGENT",
                split = ",",
                description = "Agents that must complete first, in the same run (repeat or separate by commas). "
                        + "--depends-on '' clears them.")
        List<String> dependsOn;

        @Option(
                names = "--auto-execute",
                negatable = true,
                description =
                        "Start by itself when its dependencies "
                                + "completed in a run (--no-auto-execute: only when executed). Default for a new assignment: no.")
        Boolean autoExecute;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                description = "primary, enrichment, scoring, monitoring or notification. Default: primary.")
        String role;

        @Option(
                names = "--order",
                paramLabel = "N",
                description = "Its place when the workflow is listed (informational: dependencies decide).")
        String order;

        @Option(
                names = "--active",
                negatable = true,
                description = "--no-active keeps the assignment but leaves "
                        + "the agent out of runs. Default for a new assignment: active.")
        Boolean active;

        @Option(
                names = "--config",
                paramLabel = "JSON",
                description = "The agent's configuration on this stream, over its own: '{\"threshold\": 0.8}'.")
        String configJson;

        @Override
        public Integer call() {
            FlagValues flags = new FlagValues(spec);
            UUID streamId = StreamText.streamId(flags, stream);
            Integer executionOrder = order == null ? null : flags.whole("--order", order, "-1000000..1000000");
            JsonNode config = configJson == null ? null : flags.jsonObject("--config", configJson);
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Databases.open(database.config())) {
                db.migrate();
                Optional<Stream> found = StreamText.find(spec, db.dataSource(), streamId);
                if (found.isEmpty()) {
                    return 1;
                }
                UUID orgId = found.get().orgId();
                UUID agentId = AgentRef.resolve(flags, "AGENT", agent, db.dataSource(), orgId);
                AssignmentRequest request = new AssignmentRequest(
                        agentId,
                        role,
                        executionOrder,
                        active,
                        autoExecute,
                        null,
                        config,
                        dependsOn == null
                                ? null
                                : dependsOn.stream()
                                        .filter(text -> !text.isBlank())
                                        .map(text ->
                                                AgentRef.resolve(flags, "--depends-on", text, db.dataSource(), orgId))
                                        .toList());
                Assignments assignments = new Assignments(db.dataSource());
                try {
                    assignments.assign(orgId, streamId, request);
                } catch (WorkflowException e) {
                    String field = e.field() == null ? null : e.field().replaceAll("\\[\\d+]$", "");
                    throw flags.error(FLAG_OF.getOrDefault(field, field) + ": " + e.getMessage());
                }
                out.printf("Workflow of stream \"%s\":%n", found.get().name());
                out.print(WorkflowText.assignments(assignments.list(orgId, streamId)));
            }
            out.flush();
            return 0;
        }
    }
}
