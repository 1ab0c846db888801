package io.agentry.cli;

import io.agentry.db.Database;
import io.agentry.db.Migrations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * An extra node of an existing deployment. It joins, it does not found: it never creates the
 * embedded database nor migrates the schema, because a node started against the wrong database
 * (a typo in the URL, another data directory) would otherwise quietly become a deployment of its
 * own, and because a schema change is for the operator to start, not a side effect of scaling.
 */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Run an extra runner node of an existing deployment. It also stands ready to take over "
                    + "lease rescue if the leader dies.",
            "It never creates the database nor migrates the schema: it refuses a database without "
                    + "the Agentry schema or with an older one (run `agentry serve` or `agentry db migrate` "
                    + "first), and runs on a newer one with a warning."
        },
        footer = Main.FOOTER)
final class WorkerCommand implements Callable<Integer> {
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
        return Node.run(
                spec,
                config,
                referenceFlags.load(),
                Databases.openExisting(config.database()),
                db -> requireSchema(db, config.database().describe()),
                null);
    }

    private void requireSchema(Database db, String described) {
        Migrations.Schema schema = Migrations.inspect(db.dataSource());
        String where = "the database at " + described;
        switch (schema.state()) {
            case MISSING ->
                throw new IllegalStateException(
                        where + " has no Agentry schema; start 'agentry serve' or run 'agentry db migrate' first");
            case OLDER ->
                throw new IllegalStateException("the schema of " + where + " is at version "
                        + schema.installed() + ", this worker needs " + schema.required()
                        + ": run 'agentry db migrate' first");
            case NEWER -> {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "%s: warning: the schema of %s is at version %s, newer than this worker's %s;"
                                        + " running anyway, but upgrade this node%n",
                                spec.qualifiedName(), where, schema.installed(), schema.required());
                spec.commandLine().getErr().flush();
            }
            case CURRENT -> {}
        }
    }
}
