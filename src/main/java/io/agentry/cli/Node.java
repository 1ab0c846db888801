package io.agentry.cli;

import io.agentry.agent.AgentRegistry;
import io.agentry.agents.BuiltInAgents;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.notify.WebhookNotifier;
import io.agentry.org.Organizations;
import io.agentry.runner.Maintenance;
import io.agentry.runner.Runner;
import io.agentry.schedule.Scheduler;
import io.agentry.stream.StreamFeeds;
import io.agentry.support.Clock;
import io.agentry.support.ShutdownHooks;
import io.agentry.web.ApiConfig;
import io.agentry.web.ApiServer;
import io.agentry.web.Services;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A node process: database, runner, maintenance, the scheduler and (for {@code serve}) the HTTP API, until SIGTERM or Ctrl-C, then a graceful
 * stop (the runner drains within its shutdown grace). When the embedded server it runs dies and
 * cannot be restarted, it exits with status 1 and one line saying why, so that whatever
 * supervises the process can act.
 */
final class Node {
    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private Node() {}

    /**
     * Runs a node on {@code database}, which it owns from here on: {@code prepare} (migrate, or
     * check the schema) runs first, and if it fails the database is closed before the failure
     * goes on.
     */
    static int run(
            CommandSpec command,
            AppConfig config,
            ReferenceData reference,
            Database database,
            Consumer<Database> prepare,
            ApiConfig api) {
        try {
            prepare.accept(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Clock clock = Clock.system();
        BuiltInAgents builtIns = BuiltInAgents.fromEnvironment(reference, clock);
        AgentRegistry agents = builtIns.registry();
        CountDownLatch stopped = new CountDownLatch(1);
        database.whenServerLost(reason -> {
            System.err.println("agentry " + command.name() + ": " + reason);
            System.err.flush();
            System.exit(1);
        });
        Maintenance maintenance = new Maintenance(database, config.maintenance());
        // Any node may be elected to fire the schedules; the others' ticks do nothing.
        Scheduler scheduler = new Scheduler(database, Scheduler.Options.defaults(), clock);
        Runner runner =
                new Runner(database, agents, new StreamFeeds(database.dataSource(), clock), config.runner(), clock);
        // Webhook deliveries run on a runner of their own, so that an endpoint that hangs never
        // holds a slot the agents run in (docs/webhooks.md).
        WebhookNotifier notifier = new WebhookNotifier(WebhookNotifier.DEFAULT_TIMEOUT);
        Runner deliveries = new Runner(
                database,
                notifier.registry(),
                config.runner()
                        .withNodeId(config.runner().nodeId() + "-webhooks")
                        .withSlots(WebhookNotifier.SLOTS)
                        .withPrefetch(0),
                clock);
        ApiServer[] server = new ApiServer[1];
        ShutdownHooks.add(ShutdownHooks.APPLICATION, () -> {
            log.info("Shutting down");
            if (server[0] != null) {
                server[0].close(); // requests in flight finish first
            }
            runner.close();
            deliveries.close();
            notifier.close();
            scheduler.close();
            maintenance.close();
            builtIns.close();
            database.close();
            stopped.countDown();
        });
        maintenance.start();
        scheduler.start();
        runner.start();
        deliveries.start();
        if (api != null) {
            server[0] = ApiServer.start(
                    api,
                    new Services(
                            database, runner, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), reference));
        }
        // Asked before the node says it runs: what follows that line must not need the database.
        boolean noOrgYet = server[0] != null
                && new Organizations(database.dataSource()).list().isEmpty();
        PrintWriter out = command.commandLine().getOut();
        out.printf(
                "%s: node %s running with %d slots on %s; agents: %s; webhook deliveries: node %s, %d slots."
                        + " Ctrl-C stops it.%n",
                command.qualifiedName(),
                config.runner().nodeId(),
                config.runner().slots(),
                config.database().describe(),
                agents.types().isEmpty() ? "none registered" : String.join(", ", agents.types()),
                deliveries.options().nodeId(),
                deliveries.options().slots());
        if (server[0] != null) {
            ApiText.printServing(out, api, server[0].port(), noOrgYet);
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
