package io.agentry.cli;

import io.agentry.db.Database;
import io.agentry.db.DatabaseConfig;
import io.agentry.db.Migrations;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Database administration.",
        footer = Main.FOOTER,
        subcommands = DbCommand.Migrate.class)
final class DbCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Bring the schema up to date (serve does this at start; worker never does). "
                    + "Creates the embedded database if there is none.",
            footer = Main.FOOTER)
    static final class Migrate implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Override
        public Integer call() {
            DatabaseConfig config = database.config();
            try (Database db = Databases.open(config)) {
                MigrateResult result = Migrations.migrate(db.dataSource());
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Schema of %s is at version %s (%d migration(s) applied now).%n",
                                config.describe(),
                                result.targetSchemaVersion == null
                                        ? result.initialSchemaVersion
                                        : result.targetSchemaVersion,
                                result.migrationsExecuted);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
