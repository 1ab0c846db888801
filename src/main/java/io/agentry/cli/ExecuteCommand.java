package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.stream.Stream;
import io.agentry.stream.Streams;
import io.agentry.support.Json;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowException;
import io.agentry.workflow.Workflows;
import java.io.PrintWriter;
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

/**
 * {@code agentry execute STREAM AGENT}: the seed's execute, one agent on a stream in a run of its
 * own, queued for a running node; through a server, its {@code POST …/execute}.
 */
@Command(
        name = "execute",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Queue one agent's execution on a stream, in a workflow run of its own, for a running node "
                    + "(agentry serve) to carry out; the agents that depend on it follow in that run. Prints the "
                    + "queued execution.",
            "As the seed: an agent whose dependencies have no completed execution on the stream is refused, "
                    + "unless --force; an inactive agent is refused. See docs/workflows.md."
        },
        footer = Main.FOOTER)
final class ExecuteCommand implements Callable<Integer> {
    /** The request's fields as the command line names them, for errors in the user's words. */
    private static final Map<String, String> LABEL_OF = Map.of(
            "stream_id", "STREAM",
            "agent_id", "AGENT",
            "execution_config", "--config");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    RemoteFlags remote;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream's id (agentry streams list).")
    String stream;

    @Parameters(
            index = "1",
            paramLabel = "AGENT",
            description = "An agent id, or a built-in type: the organization's agent of that type (on the "
                    + "database made on first use; through a server it must exist).")
    String agent;

    @Option(names = "--force", description = "Execute even when the agents it depends on have not completed.")
    boolean force;

    @Option(
            names = "--config",
            paramLabel = "JSON",
            description = "Configuration for this execution, over the agent's and the assignment's: "
                    + "'{\"threshold\": 0.8}'.")
    String configJson;

    @Option(names = "--json", description = "Print the answer as JSON, as the HTTP API gives it.")
    boolean json;

    @Override
    public Integer call() {
        FlagValues flags = new FlagValues(spec);
        UUID streamId = StreamText.streamId(flags, stream);
        JsonNode config = configJson == null ? null : flags.jsonObject("--config", configJson);
        Optional<RemoteApi> api = remote.api();
        Optional<JsonNode> queued = api.isPresent()
                ? throughServer(flags, api.get(), streamId, config)
                : onDatabase(flags, streamId, config);
        if (queued.isEmpty()) {
            return StreamText.notFound(spec, streamId);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(queued.get()) : text(queued.get()));
        out.flush();
        return 0;
    }

    /** The execute's answer; empty when there is no such stream. */
    private Optional<JsonNode> onDatabase(FlagValues flags, UUID streamId, JsonNode config) {
        try (Database db = Databases.open(database.config())) {
            db.migrate();
            Optional<Stream> found = new Streams(db.dataSource(), ReferenceData.bundled()).find(streamId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            UUID orgId = found.get().orgId();
            UUID agentId = AgentRef.resolve(flags, "AGENT", agent, db.dataSource(), orgId);
            Workflows.ExecuteOptions options =
                    Workflows.ExecuteOptions.defaults().forced(force).withConfig(config);
            try {
                return Optional.of(StreamReports.queued(
                        new Workflows(db.dataSource()).execute(orgId, streamId, agentId, options), streamId, agentId));
            } catch (WorkflowException e) {
                throw refused(flags, e.field(), e.getMessage());
            }
        }
    }

    /** The server's answer to its execute; empty when the key's org has no such stream. */
    private Optional<JsonNode> throughServer(FlagValues flags, RemoteApi api, UUID streamId, JsonNode config) {
        UUID agentId = AgentRef.resolve(flags, "AGENT", agent, api);
        ObjectNode body = Json.object();
        if (config != null) {
            body.set("execution_config", config);
        }
        body.put("force_execute", force);
        try {
            return Optional.of(api.post("/api/streams/" + streamId + "/agents/" + agentId + "/execute", body));
        } catch (ApiError e) {
            String field = e.details().path("field").asText(null);
            if (e.isNotFound() && "stream_id".equals(field)) {
                return Optional.empty();
            }
            if (e.isBadRequest() || e.isNotFound()) {
                throw refused(flags, field, e.error());
            }
            throw e;
        }
    }

    /** The seed's refusal, said the same whichever way it came: the argument at fault, then the reason. */
    private static RuntimeException refused(FlagValues flags, String field, String message) {
        String label = field == null ? null : LABEL_OF.get(field);
        return flags.error(label == null ? message : label + ": " + message);
    }

    private static String text(JsonNode queued) {
        JsonNode execution = queued.path("execution");
        return String.format(
                "%s: execution %s (task %s) in run %s.%nA running node (agentry serve) carries it out; "
                        + "agentry runs %s shows how it goes.",
                queued.path("message").asText(),
                execution.path("id").asText(),
                execution.path("task_id").asText(),
                execution.path("workflow_run_id").asText(),
                execution.path("stream_id").asText());
    }
}
