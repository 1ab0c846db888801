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
 *       does; it would poll for that long even when postgres failed at once, or refused the
 *       password, so {@link PgStartWatch} ends the wait as soon as the log says so.
 * </ul>
 *
 * <p>The postmaster is not our child (pg_ctl daemonises it), so whether it still runs is read from
 * {@code /proc} for the pid it wrote at start ({@link #isRunning()}).
 */
final class PgServer implements AutoCloseable {
    static final String SUPERUSER = "postgres";
    /** Lets the library pick a free port. */
    static final int ANY_PORT = 0;

    private final EmbeddedPostgres postgres;
    private final Path cluster;
    private final Path logFile;
    private final long pid;

    private PgServer(EmbeddedPostgres postgres, Path cluster, Path logFile, long pid) {
        this.postgres = postgres;
        this.cluster = cluster;
        this.logFile = logFile;
        this.pid = pid;
    }

    /**
     * Starts postgres on {@code cluster} and {@code port} (or {@link #ANY_PORT}), running initdb
     * first when the folder holds no cluster.
     */
    static PgServer start(EmbeddedDataDirectory dataDir, Path cluster, String password, int port) {
        PgUser.requireRunnable();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dataDir.binaries().toFile())
                .setDataDirectory(cluster)
                .setPort(port)
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
        PgStartWatch watch = new PgStartWatch(dataDir.logFile());
        try {
            EmbeddedPostgres postgres = watch.start(builder);
            long pid = PgPidFile.in(cluster)
                    .orElseThrow(() -> new IllegalStateException("postgres started without writing postmaster.pid"))
                    .pid();
            return new PgServer(postgres, cluster, dataDir.logFile(), pid);
        } catch (IOException | RuntimeException e) {
            PgStartException failure = startFailed(dataDir, cluster, watch, e);
            try {
                // A start given up on may have left postgres running; do not leave it so.
                PgShutdown.stopIfRunning(cluster, dataDir.logFile());
                deleteLibraryLock(cluster);
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

    private static PgStartException startFailed(
            EmbeddedDataDirectory dataDir, Path cluster, PgStartWatch watch, Exception cause) {
        if (cause instanceof PgStartWatch.PasswordRefused) {
            return new PgStartException(
                    "the password in " + dataDir.passwordFile() + " is not the one of the PostgreSQL cluster in "
                            + cluster + ", which refused it; restore that file from when the cluster was created, "
                            + "or move " + cluster + " away to start with an empty database",
                    "it refused the password in " + dataDir.passwordFile(),
                    cause);
        }
        String tail = EmbeddedFiles.tail(dataDir.logFile(), 15);
        if (tail.contains("cannot be run as root")) {
            return new PgStartException(PgUser.ROOT_WITHOUT_USER_NAMESPACES, "initdb: cannot be run as root", cause);
        }
        return new PgStartException(
                "PostgreSQL failed to start on " + cluster + "; the end of " + dataDir.logFile() + ":\n" + tail,
                watch.reason().orElse(cause.getMessage()),
                cause);
    }

    int port() {
        return postgres.getPort();
    }

    long pid() {
        return pid;
    }

    /** The postmaster this start made is still there, serving the cluster. */
    boolean isRunning() {
        return new PgProcess(pid).isPostgresServing(cluster);
    }

    /**
     * Fast shutdown: open transactions are rolled back, committed ones are already on disk. A
     * server that died is only let go of ({@link #abandon()}).
     */
    @Override
    public void close() {
        if (!isRunning()) {
            abandon();
            return;
        }
        try {
            postgres.close(); // pg_ctl stop -m fast -t 5; it only logs when that fails
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on " + cluster, e);
        } finally {
            PgShutdown.stopIfRunning(cluster, logFile);
            // pg_ctl returns once the pid file is gone, which the postmaster removes just before it
            // exits: a caller that starts the next server at once must not find this one running.
            new PgProcess(pid).awaitExit(Duration.ofSeconds(10));
            deleteLibraryLock(cluster);
        }
    }

    /**
     * Lets go of a server that died. The library's close would run {@code pg_ctl stop} against no
     * server, and log that as an error; so its instance is dropped instead. It still holds its lock
     * on {@code epg-lock} until the descriptor is collected, and this JVM refuses a second lock on
     * the same file: the file is deleted, and the next start locks a new one of the same name.
     */
    void abandon() {
        deleteLibraryLock(cluster);
    }

    /**
     * The library's own {@code epg-lock} marks a folder its cleanup deletes once the file is ten
     * minutes old; it is of no use once the server is down, so it does not stay in the cluster.
     */
    private static void deleteLibraryLock(Path cluster) {
        try {
            Files.deleteIfExists(cluster.resolve("epg-lock"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + cluster.resolve("epg-lock"), e);
        }
    }
}
