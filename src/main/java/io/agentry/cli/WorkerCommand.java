package io.agentry.cli;

import io.agentry.agent.AgentRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = "Run an extra runner node on a shared database. It also stands ready to "
                + "take over lease rescue if the leader dies.")
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    DatabaseFlags database;

    @Mixin
    RunnerFlags runner;

    @Override
    public Integer call() {
        return Node.run(AppConfig.from(database, runner), new AgentRegistry(), "worker");
    }
}
