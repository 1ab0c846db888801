package io.agentry.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process named by a pid read from a file, looked at through {@code /proc} (Linux only).
 *
 * <p>A pid in a stale {@code postmaster.pid} may since have been reused by any process, so nothing
 * here trusts the number alone: {@link #isPostgresServing} proves the process is a live postgres
 * whose working directory is the cluster (postgres {@code chdir}s into its data directory), and
 * only then may it be signalled. A process that cannot be inspected is not ours.
 */
final class PgProcess {
    private final long pid;

    PgProcess(long pid) {
        this.pid = pid;
    }

    /**
     * Every running postgres whose working directory is {@code cluster}: the postmaster and its
     * children, or the children alone when the postmaster was killed.
     */
    static List<PgProcess> serving(Path cluster) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.matches("\\d+"))
                    .map(name -> new PgProcess(Long.parseLong(name)))
                    .filter(process -> process.pid() != ProcessHandle.current().pid())
                    .filter(process -> process.isPostgresServing(cluster))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
    }

    long pid() {
        return pid;
    }

    /**
     * Exists and has not exited. A zombie has exited: it only waits to be reaped by a parent that
     * may never do so (PID 1 in a container often does not), and it holds no port and no files.
     */
    boolean isRunning() {
        return state().map(state -> state != 'Z' && state != 'X').orElse(false);
    }

    /** True only when this is a running {@code …/bin/postgres} whose working directory is {@code cluster}. */
    boolean isPostgresServing(Path cluster) {
        return isRunning() && isPostgresBinary() && workingDirectoryIs(cluster);
    }

    /** The running binary, without the " (deleted)" the kernel appends when it was removed. */
    Optional<Path> executable() {
        return link("exe").map(target -> Path.of(target.toString().replaceFirst(" \\(deleted\\)$", "")));
    }

    private boolean isPostgresBinary() {
        Optional<Path> binary = executable().or(this::firstArgument);
        return binary.filter(path -> path.getFileName() != null
                        && path.getFileName().toString().equals("postgres")
                        && path.getParent() != null
                        && path.getParent().getFileName() != null
                        && path.getParent().getFileName().toString().equals("bin"))
                .isPresent();
    }

    private boolean workingDirectoryIs(Path cluster) {
        try {
            Path real = cluster.toRealPath();
            return link("cwd").filter(real::equals).isPresent();
        } catch (IOException e) {
            return false; // no cluster directory: nothing can be serving it
        }
    }

    private Optional<Path> firstArgument() {
        return proc("cmdline")
                .map(cmdline -> cmdline.split("\0", 2)[0])
                .filter(s -> !s.isEmpty())
                .map(Path::of);
    }

    /** The state letter of {@code /proc/<pid>/stat}: after the last ')', as the name may hold any. */
    private Optional<Character> state() {
        return proc("stat")
                .map(stat -> stat.substring(stat.lastIndexOf(')') + 1).strip())
                .filter(rest -> !rest.isEmpty())
                .map(rest -> rest.charAt(0));
    }

    private Optional<String> proc(String entry) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), entry), UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // gone, or not ours to inspect
        }
    }

    private Optional<Path> link(String entry) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), entry)));
        } catch (IOException e) {
            return Optional.empty(); // gone, or not ours to inspect
        }
    }

    /** Sends {@code signal} (INT, QUIT, KILL) with {@code kill}; Java can only send TERM and KILL. */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -s " + signal + " " + pid + " did not return");
            }
            // A non-zero exit means the process is already gone; awaitExit tells the rest.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + pid, e);
        }
    }

    /**
     * Waits up to {@code timeout} for the process to stop running. It polls, because {@code
     * ProcessHandle.onExit} never completes for a zombie, and the process is not our child.
     */
    boolean awaitExit(Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        while (isRunning()) {
            if (!deadline.pause(Duration.ofMillis(20))) {
                return false;
            }
        }
        return true;
    }
}
