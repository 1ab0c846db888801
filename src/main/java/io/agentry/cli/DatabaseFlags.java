package io.agentry.cli;

import io.agentry.db.DatabaseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the database is: flags shared by every command that opens it. */
final class DatabaseFlags {
    private static final String POOL_SIZE = "1..1000";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:AGENTRY_DATA_DIR:-.agentry}",
            description = "Data directory of the embedded PostgreSQL (its data lives in DIR/pg). "
                    + "Env AGENTRY_DATA_DIR. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:AGENTRY_DATABASE_URL}",
            description = "An external PostgreSQL (13+), e.g. jdbc:postgresql://db:5432/agentry. "
                    + "Env AGENTRY_DATABASE_URL. Default: none, start the embedded server.")
    String url;

    @Option(
            names = "--database-user",
            paramLabel = "USER",
            defaultValue = "${env:AGENTRY_DATABASE_USER}",
            description = "User for --database-url. Env AGENTRY_DATABASE_USER.")
    String user;

    @Option(
            names = "--database-password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:AGENTRY_DATABASE_PASSWORD}",
            description = "Password for --database-url; prefer the environment variable "
                    + "AGENTRY_DATABASE_PASSWORD, which other users cannot see in the process list.")
    String password;

    @Option(
            names = "--pool-size",
            paramLabel = "N",
            defaultValue = "${env:AGENTRY_POOL_SIZE:-10}",
            description = "Most pooled connections this process opens (" + POOL_SIZE + "). "
                    + "Env AGENTRY_POOL_SIZE. Default: ${DEFAULT-VALUE}.")
    String poolSize;

    DatabaseConfig config() {
        FlagValues flags = new FlagValues(command);
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw flags.error("--database-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was "
                    + DatabaseConfig.hidePasswords(url));
        }
        return new DatabaseConfig(url, user, password, dataDir, flags.whole("--pool-size", poolSize, POOL_SIZE));
    }
}
