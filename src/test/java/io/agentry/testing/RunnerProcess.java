package io.agentry.testing;

import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Database;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A runner node in its own process, for tests that need two nodes or a node to kill. Agent type
 * {@code recording_agent} inserts a row into {@code test_runs} (task id, node id) and succeeds;
 * {@code blocking_agent} prints {@code STARTED <task id>} and waits until interrupted.
 *
 * <p>Arguments: jdbc-url user password node-id slots lease-ttl-ms heartbeat-ms
 */
public final class RunnerProcess {
    public static void main(String[] args) throws Exception {
        Database database = Database.onServer(args[0], args[1], args[2], 4);
        AgentRegistry registry = new AgentRegistry()
                .register("recording_agent", context -> {
                    try (var connection = context.database().getConnection();
                            PreparedStatement insert = connection.prepareStatement(
                                    "INSERT INTO test_runs (task_id, node_id) VALUES (?, ?)")) {
                        insert.setObject(1, context.taskId());
                        insert.setString(2, args[3]);
                        insert.executeUpdate();
                    }
                    return AgentResult.success(Json.object().put("node", args[3]));
                })
                .register("blocking_agent", context -> {
                    System.out.println("STARTED " + context.taskId() + " " + context.attempt());
                    new CountDownLatch(1).await();
                    return AgentResult.failure("unreachable");
                });
        RunnerOptions options = RunnerOptions.defaults()
                .withNodeId(args[3])
                .withSlots(Integer.parseInt(args[4]))
                .withLease(Duration.ofMillis(Long.parseLong(args[5])), Duration.ofMillis(Long.parseLong(args[6])));
        Runner runner = new Runner(database, registry, options, Clock.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            database.close();
            stopped.countDown();
        }));
        runner.start();
        System.out.println("READY " + args[3]);
        stopped.await();
    }
}
