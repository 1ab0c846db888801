package io.agentry.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.agentry.support.Threads;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the library's start of postgres while reading what pg_ctl and postgres write to the log,
 * so that a start that cannot succeed fails at once rather than when the library stops waiting.
 *
 * <p>The library runs {@code pg_ctl start}, then tries to log in every 100 ms for up to its
 * startup wait (60 s, so that crash recovery fits). It never looks at pg_ctl: when postgres exits
 * during startup, or refuses the password, the library goes on trying until the wait is over (a
 * wrong password file meant a minute of silence and some 600 failed logins in the log). Two lines
 * settle it: pg_ctl's "could not start server", and postgres's "password authentication failed"
 * for the superuser, the library being the only client of a server that is only starting. The
 * library's thread is then interrupted, which ends its wait at its next pause.
 */
final class PgStartWatch {
    private static final long POLL_MS = 100;
    private static final String NOT_STARTED = "pg_ctl: could not start server";
    private static final String PASSWORD_REFUSED =
            "password authentication failed for user \"" + PgServer.SUPERUSER + "\"";

    /** postgres refused the password the library logs in with. */
    static final class PasswordRefused extends IOException {
        PasswordRefused() {
            super(PASSWORD_REFUSED);
        }
    }

    private final Path logFile;
    private final long from;

    /** Watches what is written to {@code logFile} from now on. */
    PgStartWatch(Path logFile) {
        this.logFile = logFile;
        this.from = size(logFile);
    }

    EmbeddedPostgres start(EmbeddedPostgres.Builder builder) throws IOException {
        CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        Thread thread = Threads.start("agentry-pg-start", () -> {
            try {
                started.complete(builder.start());
            } catch (Throwable e) { // the thread's boundary: everything goes back to the caller
                started.completeExceptionally(e);
            }
        });
        try {
            while (true) {
                try {
                    return started.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    String output = output();
                    if (output.contains(PASSWORD_REFUSED) || output.contains(NOT_STARTED)) {
                        thread.interrupt();
                        thread.join(TimeUnit.SECONDS.toMillis(5));
                        throw output.contains(PASSWORD_REFUSED)
                                ? new PasswordRefused()
                                : new IOException("postgres exited while starting");
                    }
                }
            }
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    /**
     * Why postgres did not start, in one line: the last FATAL or PANIC it logged since the watch
     * began, without its time stamp and pid.
     */
    Optional<String> reason() {
        List<String> lines = output().lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            for (String level : List.of("FATAL:", "PANIC:")) {
                int at = line.indexOf(level);
                if (at >= 0) {
                    return Optional.of(line.substring(at + level.length()).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** What was written to the log since the watch began (a start writes a few kilobytes). */
    private String output() {
        try (FileChannel channel = FileChannel.open(logFile, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= from) {
                return "";
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - from, 1 << 20));
            channel.read(buffer, from);
            return new String(buffer.array(), 0, buffer.position(), UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
