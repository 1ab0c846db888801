package io.agentry.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is.
 *
 * @param url a JDBC URL of an external PostgreSQL server, or {@code null} to use the embedded
 *     server whose data lives in {@code dataDir/pg}
 * @param user the user for {@code url}; ignored for the embedded server
 * @param password the password for {@code url}; ignored for the embedded server
 * @param dataDir the data directory of the embedded server (default {@code ./.agentry})
 * @param poolSize the most connections the process opens from its pool (default 10)
 */
public record DatabaseConfig(String url, String user, String password, Path dataDir, int poolSize) {

    public DatabaseConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** Where the server is, for humans: the password never appears. */
    public String describe() {
        return isEmbedded() ? "embedded PostgreSQL in " + dataDir.resolve("pg") : url.replaceFirst("\\?.*$", "");
    }
}
