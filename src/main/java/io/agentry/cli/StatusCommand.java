package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the runner nodes (running, draining, stopped) with the agent types they run, "
                + "pending tasks no running node can run, and task counts by status. "
                + "Works while `agentry serve` runs on the same data directory. Creates nothing: "
                + "in a directory without Agentry data it says so and exits 1. With --url, the server's view: "
                + "the key's organization's tasks (the whole deployment's with the operator token).",
        footer = Main.FOOTER)
final class StatusCommand implements Callable<Integer> {
    private static final String UNDEFINED_TABLE = "42P01";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    RemoteFlags remote;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Optional<RemoteApi> api = remote.api();
        if (api.isPresent()) {
            return print("Server: " + api.get().url(), fromApi(api.get().get("/api/agents/task-runner")));
        }
        try (Database db = Databases.openExisting(database.config())) {
            ObjectNode report;
            try {
                NodeRegistry registry = new NodeRegistry(db.dataSource());
                report = report(
                        registry.list(), new TaskQueue(db.dataSource()).countByStatus(), registry.pendingWithoutNode());
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
            return print("Database: " + database.config().describe(), report);
        }
    }

    private int print(String where, JsonNode report) {
        spec.commandLine().getOut().println(json ? Json.write(report) : toText(where, report));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The report from {@code GET /api/agents/task-runner}: the same document as from the database. */
    private static ObjectNode fromApi(JsonNode answer) {
        ObjectNode report = Json.object();
        report.set("nodes", answer.path("runner").path("nodes"));
        // The counts only: the answer says also when they were counted, which the database's report does not.
        ObjectNode stats = report.putObject("stats");
        for (TaskStatus status : TaskStatus.values()) {
            stats.set(status.sql(), answer.path("stats").path(status.sql()));
        }
        stats.set("total", answer.path("stats").path("total"));
        report.set("pending_without_node", answer.path("waiting_for_node"));
        return report;
    }

    private static ObjectNode report(
            List<NodeStatus> nodes, Map<TaskStatus, Long> counts, Map<String, Long> withoutNode) {
        ObjectNode root = Json.object();
        ArrayNode nodeArray = root.putArray("nodes");
        for (NodeStatus node : nodes) {
            nodeArray.add(Json.MAPPER.valueToTree(node));
        }
        ObjectNode stats = root.putObject("stats");
        counts.forEach((status, count) -> stats.put(status.name().toLowerCase(Locale.ROOT), count));
        stats.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode pending = root.putObject("pending_without_node");
        withoutNode.forEach(pending::put);
        return root;
    }

    private static String toText(String where, JsonNode report) {
        StringBuilder out = new StringBuilder(where + "\n");
        List<NodeStatus> nodes = Documents.list(report.path("nodes"), NodeStatus.class);
        if (nodes.isEmpty()) {
            out.append("Nodes: none has run in the last day\n");
        } else {
            out.append(String.format(
                    "Nodes:%n  %-36s %-9s %5s %9s  %-16s %s%n",
                    "NODE", "STATUS", "SLOTS", "IN FLIGHT", "LAST HEARTBEAT", "AGENT TYPES"));
            Instant now = Instant.now();
            for (NodeStatus node : nodes) {
                out.append(String.format(
                        "  %-36s %-9s %5d %9d  %-16s %s%s%n",
                        node.nodeId(),
                        node.status(),
                        node.slots(),
                        node.inFlight(),
                        Duration.between(node.heartbeatAt(), now).toSeconds() + "s ago",
                        node.agentTypes().isEmpty() ? "(none)" : String.join(", ", node.agentTypes()),
                        node.lost()
                                ? String.format(
                                        " (lost: no heartbeat for more than %.1fs)", node.lostAfterMs() / 1000.0)
                                : ""));
            }
        }
        out.append("Pending tasks no running node can run: ");
        JsonNode withoutNode = report.path("pending_without_node");
        if (withoutNode.isEmpty()) {
            out.append("none\n");
        } else {
            StringJoiner byType = new StringJoiner(", ", "", "\n");
            withoutNode.fields().forEachRemaining(type -> byType.add(type.getKey() + " " + type.getValue()));
            out.append(byType);
        }
        out.append("Tasks:");
        report.path("stats").fields().forEachRemaining(count -> {
            if (!count.getKey().equals("total")) {
                out.append(' ')
                        .append(count.getKey())
                        .append(' ')
                        .append(count.getValue())
                        .append(',');
            }
        });
        out.append(" total ").append(report.path("stats").path("total"));
        return out.toString();
    }
}
