package io.agentry.db;

import io.agentry.agent.Agent;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

/**
 * The other process in the cross-process tests, run by {@link EmbeddedChildJvm}. It speaks in lines
 * that start with {@code CHILD }; everything else on its output is logging.
 *
 * <ul>
 *   <li>{@code own <dataDir> <rows>}: starts the database, commits {@code rows} rows into {@code
 *       events}, says {@code READY}, and keeps running until its standard input closes.
 *   <li>{@code open <dataDir> [<seconds>]}: starts the database (attaching, when another process
 *       runs it; waiting up to {@code seconds} for one that is still starting), says whether it
 *       owns the server and how many rows {@code events} holds, closes it and exits.
 *   <li>{@code node <dataDir>}: a runner node on the database until its standard input closes.
 *       Agent type {@code recording_agent} inserts a row into {@code test_runs} (task id, node)
 *       and succeeds; {@code gated_agent} does the same once the file {@code <dataDir>/gate}
 *       exists. Says {@code READY} once running.
 * </ul>
 *
 * Any failure is reported as {@code CHILD ERROR <message>} and exit status 1.
 */
final class EmbeddedChildMain {
    private EmbeddedChildMain() {}

    public static void main(String[] args) throws Exception {
        try {
            Path dataDir = Path.of(args[1]);
            switch (args[0]) {
                case "own" -> own(dataDir, Integer.parseInt(args[2]));
                case "open" -> open(dataDir, args.length > 2 ? Duration.ofSeconds(Long.parseLong(args[2])) : null);
                case "node" -> node(dataDir);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (Exception e) {
            say("ERROR " + e.getMessage().replace('\n', ' '));
            System.exit(1);
        }
    }

    private static void own(Path dataDir, int rows) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            EmbeddedSql.insertEvents(database, rows);
            say("READY " + database.ownsServer());
            awaitInputClosed();
        }
    }

    private static void open(Path dataDir, Duration ownerWait) throws Exception {
        try (EmbeddedDatabase database =
                ownerWait == null ? EmbeddedDatabase.start(dataDir) : EmbeddedDatabase.start(dataDir, ownerWait)) {
            say("OWNS " + database.ownsServer());
            say("COUNT " + EmbeddedSql.countEvents(database));
        }
        say("CLOSED");
    }

    private static void node(Path dataDir) throws Exception {
        String nodeId = "node-" + ProcessHandle.current().pid();
        try (Database database = Database.open(new DatabaseConfig(null, null, null, dataDir, 4))) {
            database.whenServerLost(reason -> {
                say("LOST " + reason);
                System.exit(3);
            });
            database.migrate();
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(
                        "CREATE TABLE IF NOT EXISTS test_runs (task_id uuid NOT NULL, node_id text NOT NULL)");
            }
            Agent recording = context -> {
                try (Connection connection = context.database().getConnection();
                        PreparedStatement insert =
                                connection.prepareStatement("INSERT INTO test_runs (task_id, node_id) VALUES (?, ?)")) {
                    insert.setObject(1, context.taskId());
                    insert.setString(2, nodeId);
                    insert.executeUpdate();
                }
                return AgentResult.success(Json.object());
            };
            Path gate = dataDir.resolve("gate");
            AgentRegistry agents = new AgentRegistry()
                    .register("recording_agent", recording)
                    .register("gated_agent", context -> {
                        while (!Files.exists(gate)) {
                            context.checkpoint();
                            Thread.sleep(20); // the gate is a file: polled
                        }
                        return recording.run(context);
                    });
            try (Runner runner =
                    new Runner(database, agents, RunnerOptions.defaults().withNodeId(nodeId), Clock.system())) {
                runner.start();
                say("READY " + nodeId);
                awaitInputClosed();
            }
        }
    }

    private static void awaitInputClosed() throws Exception {
        while (System.in.read() != -1) {
            // Keep running until the test closes our input or kills us.
        }
    }

    private static void say(String line) {
        System.out.println("CHILD " + line);
        System.out.flush();
    }
}
