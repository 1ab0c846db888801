package io.agentry.cli;

import io.agentry.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run a node that founds or continues a deployment: create the embedded database "
                + "if there is none, migrate the schema, then run the runner and the leader's "
                + "maintenance (lease rescue, pruning) until stopped.",
        footer = Main.FOOTER)
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    RunnerFlags runner;

    @Mixin
    ReferenceFlags referenceFlags;

    @Override
    public Integer call() {
        AppConfig config = AppConfig.from(database, runner);
        return Node.run(spec, config, referenceFlags.load(), Databases.open(config.database()), Database::migrate);
    }
}
