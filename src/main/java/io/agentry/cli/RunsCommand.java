package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.stream.Streams;
import io.agentry.support.Json;
import io.agentry.web.Call;
import io.agentry.workflow.StreamReports;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentry runs STREAM}: a stream's workflow runs, newest first, with their steps. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "A stream's workflow runs, newest first: how each was started, how it ended, and each agent's "
                + "execution in it (status, attempts, duration, error).",
        footer = Main.FOOTER)
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    RemoteFlags remote;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream's id (agentry streams list).")
    String stream;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "10",
            description = "Runs shown (1..1000). Default: ${DEFAULT-VALUE}.")
    String limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        FlagValues flags = new FlagValues(spec);
        UUID streamId = StreamText.streamId(flags, stream);
        int max = flags.whole("--limit", limit, "1..1000");
        Optional<List<JsonNode>> found = runs(streamId, max);
        if (found.isEmpty()) {
            return StreamText.notFound(spec, streamId);
        }
        List<JsonNode> runs = found.get();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(runs));
        } else if (runs.isEmpty()) {
            out.println("No run of this stream yet: agentry workflow run " + streamId);
        } else {
            for (JsonNode run : runs) {
                out.print(WorkflowText.runWithSteps(run));
                out.println();
            }
        }
        out.flush();
        return 0;
    }

    /** The stream's newest runs ({@link StreamReports#run}), through the server or from the database. */
    private Optional<List<JsonNode>> runs(UUID streamId, int max) {
        Optional<RemoteApi> api = remote.api();
        if (api.isPresent()) {
            try {
                return Optional.of(api.get()
                        .list("/api/streams/" + streamId + "/runs", "limit=" + Math.min(max, Call.MAX_LIMIT), max));
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
                    .map(stream -> {
                        List<JsonNode> runs = new ArrayList<>();
                        StreamReports.runs(db.dataSource(), stream.orgId(), streamId, max)
                                .forEach(runs::add);
                        return runs;
                    });
        }
    }
}
