package io.agentry.cli;

import io.agentry.db.Database;
import io.agentry.stream.Stream;
import io.agentry.support.Json;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.WorkflowRuns;
import java.io.PrintWriter;
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
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Databases.openExisting(database.config())) {
            Optional<Stream> found = StreamText.find(spec, db.dataSource(), streamId);
            if (found.isEmpty()) {
                return 1;
            }
            UUID orgId = found.get().orgId();
            WorkflowRuns runs = new WorkflowRuns(db.dataSource());
            List<WorkflowRun> list = runs.list(orgId, streamId, max);
            if (json) {
                out.println(Json.write(StreamReports.runs(db.dataSource(), orgId, streamId, max)));
            } else if (list.isEmpty()) {
                out.println("No run of this stream yet: agentry workflow run " + streamId);
            } else {
                for (WorkflowRun run : list) {
                    out.println(WorkflowText.run(run));
                    out.print(WorkflowText.steps(runs.steps(orgId, run.id())));
                    out.println();
                }
            }
        }
        out.flush();
        return 0;
    }
}
