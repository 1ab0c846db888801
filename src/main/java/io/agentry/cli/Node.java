package io.agentry.cli;

import io.agentry.agent.AgentRegistry;
import io.agentry.db.Database;
import io.agentry.runner.Maintenance;
import io.agentry.runner.Runner;
import io.agentry.support.Clock;
import io.agentry.support.ShutdownHooks;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node process: database, runner and maintenance, until SIGTERM or Ctrl-C, then a graceful
 * stop (the runner drains within its shutdown grace). When the embedded server it runs dies and
 * cannot be restarted, it exits with status 1 and one line saying why, so that whatever
 * supervises the process can act.
 */
final class Node {
    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private Node() {}

    static int run(AppConfig config, AgentRegistry agents, String role) {
        CountDownLatch stopped = new CountDownLatch(1);
        Database database = Database.open(config.database());
        database.whenServerLost(reason -> {
            System.err.println("agentry " + role + ": " + reason);
            System.err.flush();
            System.exit(1);
        });
        database.migrate();
        Maintenance maintenance = new Maintenance(database, config.maintenance());
        Runner runner = new Runner(database, agents, config.runner(), Clock.system());
        ShutdownHooks.add(ShutdownHooks.APPLICATION, () -> {
            log.info("Shutting down");
            runner.close();
            maintenance.close();
            database.close();
            stopped.countDown();
        });
        maintenance.start();
        runner.start();
        System.out.printf(
                "agentry %s: node %s running with %d slots on %s; agents: %s. Ctrl-C stops it.%n",
                role,
                config.runner().nodeId(),
                config.runner().slots(),
                config.database().describe(),
                agents.types().isEmpty() ? "none registered" : String.join(", ", agents.types()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
