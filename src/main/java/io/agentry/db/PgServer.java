package io.agentry.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One postgres started through the zonky library, configured to keep data rather than to be
 * thrown away after a test, which is what the library's defaults are for.
 *
 * <p>Where the defaults are unsafe, and what replaces them:
 *
 * <ul>
 *   <li>{@code cleanDataDirectory} is on: closing would delete the cluster. Off.
 *   <li>Its shutdown hook would stop the server behind our back. Off: {@link EmbeddedOwner}
 *       registers its own, which also releases the lock and removes {@code server.properties}.
 *   <li>It passes {@code -F} (fsync off) and {@code synchronous_commit=off}: committed rows are
 *       lost in a crash. Later {@code -c} options win over {@code -F}, so fsync and synchronous
 *       commit are switched back on.
 *   <li>initdb runs with {@code -A trust}: anyone local may log in as the superuser, without a
 *       password. The extra initdb options (passed through the library's locale options, which
 *       become {@code --key=value} arguments after {@code -A}) override that with SCRAM and set
 *       the password from our password file, so no trust window ever exists.
 *   <li>It listens on localhost and on a Unix socket in /tmp. TCP on 127.0.0.1 only; no socket.
 *   <li>It waits 10 s for the server, too short for crash recovery of a long WAL. 60 s, as pg_ctl
 *       does; it polls for that long even when postgres failed at once, so failures show late.
 * </ul>
 */
final class PgServer implements AutoCloseable {
    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path cluster;
    private final Path logFile;

    private PgServer(EmbeddedPostgres postgres, Path cluster, Path logFile) {
        this.postgres = postgres;
        this.cluster = cluster;
        this.logFile = logFile;
    }

    /** Starts postgres on {@code cluster}, running initdb first when the folder holds no cluster. */
    static PgServer start(EmbeddedDataDirectory dataDir, Path cluster, String password) {
        PgUser.requireRunnable();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dataDir.binaries().toFile())
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setConnectConfig("password", password)
                .setOutputRedirector(
                        ProcessBuilder.Redirect.appendTo(dataDir.logFile().toFile()))
                .setErrorRedirector(
                        ProcessBuilder.Redirect.appendTo(dataDir.logFile().toFile()));
        serverSettings().forEach(builder::setServerConfig);
        initdbOptions(dataDir.passwordFile()).forEach(builder::setLocaleConfig);
        try {
            return new PgServer(builder.start(), cluster, dataDir.logFile());
        } catch (IOException | RuntimeException e) {
            IllegalStateException failure = startFailed(cluster, dataDir.logFile(), e);
            try {
                // The library may give up waiting on a postgres it did start; do not leave it running.
                PgShutdown.stopIfRunning(cluster, dataDir.logFile());
            } catch (RuntimeException stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
    }

    /**
     * Settings for the server command line. pg_ctl hands them to {@code /bin/sh}, joined by
     * spaces: a value holding whitespace would be split, and {@code ''} is how to pass "empty".
     */
    static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "''");
        settings.put("password_encryption", "scram-sha-256");
        settings.values().forEach(value -> {
            if (value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("server setting values must not hold whitespace: " + value);
            }
        });
        return settings;
    }

    private static Map<String, String> initdbOptions(Path passwordFile) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("pwfile", passwordFile.toString());
        options.put("auth-host", "scram-sha-256");
        options.put("auth-local", "scram-sha-256");
        // Collation from PostgreSQL itself, not the C library: a glibc upgrade cannot reorder
        // (and so silently corrupt) indexes on text.
        options.put("locale-provider", "builtin");
        options.put("builtin-locale", "C.UTF-8");
        return options;
    }

    private static IllegalStateException startFailed(Path cluster, Path logFile, Exception cause) {
        String tail = EmbeddedFiles.tail(logFile, 15);
        if (tail.contains("cannot be run as root")) {
            return new IllegalStateException(PgUser.ROOT_WITHOUT_USER_NAMESPACES, cause);
        }
        return new IllegalStateException(
                "PostgreSQL failed to start on " + cluster + "; the end of " + logFile + ":\n" + tail, cause);
    }

    int port() {
        return postgres.getPort();
    }

    /** Fast shutdown: open transactions are rolled back, committed ones are already on disk. */
    @Override
    public void close() {
        try {
            postgres.close(); // pg_ctl stop -m fast -t 5; it only logs when that fails
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on " + cluster, e);
        } finally {
            PgShutdown.stopIfRunning(cluster, logFile);
            deleteLibraryLock();
        }
    }

    /**
     * The library's own {@code epg-lock} marks a folder its cleanup deletes once the file is ten
     * minutes old; it is of no use once the server is down, so it does not stay in the cluster.
     */
    private void deleteLibraryLock() {
        try {
            Files.deleteIfExists(cluster.resolve("epg-lock"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + cluster.resolve("epg-lock"), e);
        }
    }
}
