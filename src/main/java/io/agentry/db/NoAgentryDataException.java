package io.agentry.db;

import java.nio.file.Path;

/**
 * A command that only uses existing data was pointed at a data directory without any: a typo in
 * {@code --data-dir}, or the wrong working directory. Nothing was created there.
 */
public final class NoAgentryDataException extends RuntimeException {
    NoAgentryDataException(Path dataDir, Path cluster) {
        super("no Agentry data in " + dataDir + " (no embedded PostgreSQL cluster in " + cluster
                + "); check --data-dir, or run 'agentry serve' there to create one");
    }
}
