package io.agentry.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A failure in one line: what failed, from the outermost exception, and why, from the first cause
 * that says it in plain words: {@code cannot prepare data directory /tmp/f: not a directory},
 * {@code cannot connect to jdbc:postgresql://db.example:5432/x: unknown host db.example}. The
 * layers between (a pool that failed to start, a driver whose connection attempt failed) say
 * nothing the user can act on, so they are skipped.
 */
final class FailureMessage {
    private FailureMessage() {}

    static String of(Throwable failure) {
        String what = failure.getMessage();
        String why = why(failure.getCause());
        if (what == null || what.isBlank()) {
            return why == null ? failure.getClass().getSimpleName() : why;
        }
        return why == null || what.contains(why) ? what : what + ": " + why;
    }

    /** The first cause with a plain reason, else the innermost message. */
    private static String why(Throwable cause) {
        String innermost = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String plain = plain(t);
            if (plain != null) {
                return plain;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                innermost = t.getMessage();
            }
        }
        return innermost;
    }

    private static String plain(Throwable t) {
        if (t instanceof UnknownHostException) {
            return "unknown host " + t.getMessage();
        }
        if (t instanceof ConnectException) {
            return "connection refused: no server listens on that host and port";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to the host";
        }
        if (t instanceof SocketTimeoutException) {
            return "the server did not answer in time";
        }
        if (t instanceof SQLException sql && serverRefused(sql)) {
            return sql.getMessage().replaceFirst("^(FATAL|ERROR): ", "");
        }
        if (t instanceof FileSystemException file) {
            return fileReason(file);
        }
        return null;
    }

    /** The server turned the session down: a wrong password or user (28), no such database (3D). */
    private static boolean serverRefused(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("28") || state.startsWith("3D")) && e.getMessage() != null;
    }

    private static String fileReason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof FileAlreadyExistsException) {
            // Files.createDirectories says this of a path that exists and is not a directory.
            return e.getFile() != null && !Files.isDirectory(Path.of(e.getFile()))
                    ? "not a directory"
                    : "already exists";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return null;
    }
}
