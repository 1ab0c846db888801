package io.agentry.cli;

import io.agentry.db.Database;
import io.agentry.web.ApiConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run a node that founds or continues a deployment: create the embedded database "
                + "if there is none, migrate the schema, then serve the HTTP API and run the runner, "
                + "the scheduler and the leader's maintenance (lease rescue, pruning) until stopped. "
                + "The operator token for /api/orgs and the runner's control is read from "
                + "AGENTRY_ADMIN_TOKEN (16 characters or more).",
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

    @Mixin
    ApiFlags api;

    @Override
    public Integer call() {
        AppConfig config = AppConfig.from(database, runner);
        ApiConfig apiConfig = api.config();
        return Node.run(
                spec, config, referenceFlags.load(), Databases.open(config.database()), Database::migrate, apiConfig);
    }
}
