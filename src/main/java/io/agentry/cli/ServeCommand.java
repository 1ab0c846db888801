package io.agentry.cli;

import io.agentry.agent.AgentRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run a node: migrate the database, then the runner and the leader's "
                + "maintenance (lease rescue, pruning) until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DatabaseFlags database;

    @Mixin
    RunnerFlags runner;

    @Override
    public Integer call() {
        return Node.run(AppConfig.from(database, runner), new AgentRegistry(), "serve");
    }
}
