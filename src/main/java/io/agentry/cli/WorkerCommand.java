package io.agentry.cli;

import io.agentry.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = "Run an extra runner node on a shared database. It also stands ready to "
                + "take over lease rescue if the leader dies.",
        footer = Main.FOOTER)
final class WorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    RunnerFlags runner;

    @Override
    public Integer call() {
        AppConfig config = AppConfig.from(database, runner);
        return Node.run(spec, config, Databases.open(config.database()), Database::migrate);
    }
}
