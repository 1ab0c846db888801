package io.agentry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.db.Database;
import io.agentry.db.DatabaseException;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.runner.NodeRegistry;
import io.agentry.runner.NodeStatus;
import io.agentry.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the runner nodes (running, draining, stopped) and task counts by status. "
                + "Works while `agentry serve` runs on the same data directory. Creates nothing: "
                + "in a directory without Agentry data it says so and exits 1.")
final class StatusCommand implements Callable<Integer> {
    private static final String UNDEFINED_TABLE = "42P01";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(
            names = "--lost-after",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "30s",
            description = "A node silent for longer than this is reported stopped (lost). "
                    + "Default: ${DEFAULT-VALUE}, the default lease TTL.")
    Duration lostAfter;

    @Override
    public Integer call() {
        try (Database db = Database.openExisting(database.config())) {
            List<NodeStatus> nodes;
            Map<TaskStatus, Long> counts;
            try {
                nodes = new NodeRegistry(db.dataSource()).list(lostAfter);
                counts = new TaskQueue(db.dataSource()).countByStatus();
            } catch (DatabaseException e) {
                if (UNDEFINED_TABLE.equals(e.sqlState())) {
                    spec.commandLine()
                            .getErr()
                            .println("No Agentry schema in " + database.config().describe()
                                    + " yet: run `agentry db migrate` or `agentry serve`.");
                    return 1;
                }
                throw e;
            }
            spec.commandLine().getOut().println(json ? Json.write(toJson(nodes, counts)) : toText(nodes, counts));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private String toText(List<NodeStatus> nodes, Map<TaskStatus, Long> counts) {
        StringBuilder out = new StringBuilder("Database: " + database.config().describe() + "\n");
        if (nodes.isEmpty()) {
            out.append("Nodes: none has run in the last day\n");
        } else {
            out.append(String.format(
                    "Nodes:%n  %-36s %-9s %5s %9s  %s%n", "NODE", "STATUS", "SLOTS", "IN FLIGHT", "LAST HEARTBEAT"));
            Instant now = Instant.now();
            for (NodeStatus node : nodes) {
                out.append(String.format(
                        "  %-36s %-9s %5d %9d  %ds ago%s%n",
                        node.nodeId(),
                        node.status(),
                        node.slots(),
                        node.inFlight(),
                        Duration.between(node.heartbeatAt(), now).toSeconds(),
                        node.lost() ? " (lost: no heartbeat)" : ""));
            }
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        out.append("Tasks:");
        counts.forEach((status, count) ->
                out.append(' ').append(status.sql()).append(' ').append(count).append(','));
        out.append(" total ").append(total);
        return out.toString();
    }

    private static ObjectNode toJson(List<NodeStatus> nodes, Map<TaskStatus, Long> counts) {
        ObjectNode root = Json.object();
        ArrayNode nodeArray = root.putArray("nodes");
        for (NodeStatus node : nodes) {
            nodeArray.add(Json.MAPPER.valueToTree(node));
        }
        ObjectNode stats = root.putObject("stats");
        counts.forEach((status, count) -> stats.put(status.name().toLowerCase(Locale.ROOT), count));
        stats.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        return root;
    }
}
