package io.agentry.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no server runs on a cluster before we start ours, and stops ours for good.
 *
 * <p>After the JVM that started it is killed (SIGKILL), its postgres keeps running: it still holds
 * the port, {@code postmaster.pid} and the data files. We hold the data directory's lock by then,
 * so a postgres serving this cluster is that orphan, and we stop it: {@code pg_ctl stop -m fast}
 * (a clean shutdown, nothing lost), then SIGINT, SIGQUIT and SIGKILL if it lingers. A pid file
 * whose process is anything else (gone, a zombie, or an unrelated process that reused the pid) is
 * stale: we remove it and never signal that pid.
 */
final class PgShutdown {
    private static final Logger log = LoggerFactory.getLogger(PgShutdown.class);
    private static final Duration PG_CTL_WAIT = Duration.ofSeconds(60);

    /** What {@link #clear} found. */
    enum Outcome {
        NOTHING_RUNNING,
        STOPPED_ORPHAN,
        REMOVED_STALE_PID_FILE
    }

    record Cleared(Outcome outcome, long pid) {}

    private PgShutdown() {}

    /** Leaves {@code cluster} with no server, no stale pid file and no process of a killed server. */
    static Cleared clear(Path cluster, Path logFile) {
        Cleared cleared = clearPidFile(cluster, logFile);
        stopStragglers(cluster);
        return cleared;
    }

    private static Cleared clearPidFile(Path cluster, Path logFile) {
        Optional<PgPidFile> pidFile = PgPidFile.in(cluster);
        if (pidFile.isEmpty()) {
            return new Cleared(Outcome.NOTHING_RUNNING, 0);
        }
        long pid = pidFile.get().pid();
        PgProcess process = new PgProcess(pid);
        if (pid > 0 && process.isPostgresServing(cluster)) {
            stop(process, cluster, logFile);
            // A clean shutdown removes the pid file; after SIGKILL it stays, naming a dead process.
            PgPidFile.in(cluster).ifPresent(PgPidFile::deleteWithSocketLock);
            return new Cleared(Outcome.STOPPED_ORPHAN, pid);
        }
        pidFile.get().deleteWithSocketLock();
        return new Cleared(Outcome.REMOVED_STALE_PID_FILE, pid);
    }

    /**
     * When the postmaster itself was killed, its children outlive it for a moment, still attached
     * to its shared memory, and a new postmaster refuses to start beside them. They notice the
     * death and exit on their own; one that does not is ended (its postmaster is gone, so there is
     * no clean shutdown left to ask for). Only processes proven to serve this cluster are touched.
     */
    private static void stopStragglers(Path cluster) {
        for (PgProcess straggler : PgProcess.serving(cluster)) {
            if (straggler.awaitExit(Duration.ofSeconds(5))) {
                continue;
            }
            for (String signal : List.of("QUIT", "KILL")) {
                if (!straggler.isPostgresServing(cluster)) {
                    break;
                }
                log.warn(
                        "PostgreSQL process {} on {} outlived its server; sending SIG{}",
                        straggler.pid(),
                        cluster,
                        signal);
                straggler.signal(signal);
                if (straggler.awaitExit(Duration.ofSeconds(5))) {
                    break;
                }
            }
            if (straggler.isPostgresServing(cluster)) {
                throw new IllegalStateException("cannot stop PostgreSQL process " + straggler.pid() + " on " + cluster);
            }
        }
    }

    /** Stops the postgres serving {@code cluster}, if any; used when the library's stop fell short. */
    static void stopIfRunning(Path cluster, Path logFile) {
        PgPidFile.in(cluster)
                .map(pidFile -> new PgProcess(pidFile.pid()))
                .filter(process -> process.pid() > 0 && process.isPostgresServing(cluster))
                .ifPresent(process -> stop(process, cluster, logFile));
    }

    private static void stop(PgProcess process, Path cluster, Path logFile) {
        pgCtlStop(process, cluster, logFile);
        if (process.awaitExit(Duration.ofSeconds(5))) {
            return;
        }
        for (String signal : List.of("INT", "QUIT", "KILL")) {
            // Re-check before each signal: the pid must still be that postgres, not a successor.
            if (!process.isPostgresServing(cluster)) {
                return;
            }
            log.warn("PostgreSQL (pid {}) on {} is still running; sending SIG{}", process.pid(), cluster, signal);
            process.signal(signal);
            if (process.awaitExit(Duration.ofSeconds(signal.equals("INT") ? 30 : 10))) {
                return;
            }
        }
        throw new IllegalStateException(
                "cannot stop PostgreSQL (pid " + process.pid() + ") serving " + cluster + ", even with SIGKILL");
    }

    /**
     * Runs the {@code pg_ctl} next to the running postgres binary: it is the right version, and
     * exists before the library has unpacked anything in this JVM. Failing is not fatal: the
     * signals that follow finish the job.
     */
    private static void pgCtlStop(PgProcess process, Path cluster, Path logFile) {
        Optional<Path> pgCtl = process.executable()
                .map(postgres -> postgres.resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty()) {
            log.warn("No pg_ctl next to the binary of PostgreSQL (pid {}); stopping it with signals", process.pid());
            return;
        }
        List<String> command = new ArrayList<>(PgUser.commandPrefix());
        command.addAll(List.of(
                pgCtl.get().toString(),
                "stop",
                "-D",
                cluster.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                Long.toString(PG_CTL_WAIT.toSeconds())));
        try {
            Process pgCtlProcess = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!pgCtlProcess.waitFor(PG_CTL_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                pgCtlProcess.destroyForcibly();
                log.warn("pg_ctl stop for {} did not return; stopping PostgreSQL with signals", cluster);
            } else if (pgCtlProcess.exitValue() != 0) {
                log.warn(
                        "pg_ctl stop for {} failed (exit {}, see {}); stopping PostgreSQL with signals",
                        cluster,
                        pgCtlProcess.exitValue(),
                        logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL on " + cluster, e);
        }
    }
}
