package io.agentry.cli;

import io.agentry.db.Database;
import io.agentry.db.DatabaseConfig;
import java.util.function.Function;

/**
 * Opens the configured database. A failure to reach an external server says which one, without
 * its password; the embedded server's failures already say what they were doing.
 */
final class Databases {
    private Databases() {}

    /** Opens it, creating the embedded cluster if there is none. */
    static Database open(DatabaseConfig config) {
        return opening(config, Database::open);
    }

    /** Opens it only if it exists: see {@link Database#openExisting}. */
    static Database openExisting(DatabaseConfig config) {
        return opening(config, Database::openExisting);
    }

    private static Database opening(DatabaseConfig config, Function<DatabaseConfig, Database> open) {
        if (config.isEmbedded()) {
            return open.apply(config);
        }
        try {
            return open.apply(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to " + config.describe(), e);
        }
    }
}
