package io.agentry.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A cluster's {@code postmaster.pid}: line 1 the pid, line 4 the port, line 5 the Unix socket
 * directory (empty when sockets are off). PostgreSQL refuses to start while the file names a pid
 * that answers {@code kill(pid, 0)}, even an unrelated process that reused the number, or a zombie.
 */
record PgPidFile(Path file, long pid, Optional<Integer> port, Optional<Path> socketDirectory) {

    static Optional<PgPidFile> in(Path cluster) {
        Path file = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = EmbeddedFiles.read(file).lines().toList();
        Optional<Long> pid = line(lines, 0).filter(s -> s.matches("-?\\d+")).map(Long::parseLong);
        Optional<Integer> port = line(lines, 3).filter(s -> s.matches("\\d+")).map(Integer::parseInt);
        Optional<Path> sockets = line(lines, 4).filter(s -> !s.isEmpty()).map(Path::of);
        // Unparseable (torn write during a crash): it names no process, so it is merely stale.
        return Optional.of(new PgPidFile(file, pid.map(Math::abs).orElse(0L), port, sockets));
    }

    private static Optional<String> line(List<String> lines, int index) {
        return index < lines.size() ? Optional.of(lines.get(index).strip()) : Optional.empty();
    }

    /**
     * Removes the file and, when it names a socket directory, that socket and its lock file, but only
     * if the socket lock names the same stale pid: another server's socket is left alone.
     */
    void deleteWithSocketLock() {
        try {
            if (port.isPresent() && socketDirectory.isPresent()) {
                Path socket = socketDirectory.get().resolve(".s.PGSQL." + port.get());
                Path socketLock = socketDirectory.get().resolve(".s.PGSQL." + port.get() + ".lock");
                if (Files.isRegularFile(socketLock)
                        && EmbeddedFiles.read(socketLock)
                                .lines()
                                .findFirst()
                                .map(String::strip)
                                .orElse("")
                                .equals(Long.toString(pid))) {
                    Files.deleteIfExists(socketLock);
                    Files.deleteIfExists(socket);
                }
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stale " + file, e);
        }
    }
}
