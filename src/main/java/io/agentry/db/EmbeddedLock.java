package io.agentry.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive, application-level lock on a data directory: whoever holds it owns the server.
 * The file holds the owner's pid so that others can name it in an error.
 *
 * <p>The lock is an OS file lock, so the kernel releases it when the owner dies, even by SIGKILL.
 * On Linux such locks belong to the process, and closing <em>any</em> descriptor of the file
 * releases them; so within this JVM the file is opened only by the one channel that holds the
 * lock, and {@link #HELD} answers "is it locked here?" without touching the file.
 */
final class EmbeddedLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private EmbeddedLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process or another owner in this JVM holds it. */
    static Optional<EmbeddedLock> tryAcquire(Path file) {
        if (!HELD.add(file)) {
            return Optional.empty();
        }
        try {
            Optional<EmbeddedLock> acquired = lock(file);
            if (acquired.isEmpty()) {
                HELD.remove(file);
            }
            return acquired;
        } catch (IOException e) {
            HELD.remove(file);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    private static Optional<EmbeddedLock> lock(Path file) throws IOException {
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(UTF_8)));
            channel.force(true);
            return Optional.of(new EmbeddedLock(file, channel, lock));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Locked in this JVM by code that bypassed HELD; for us that is "held by someone else".
            return null;
        }
    }

    /** The pid recorded by the current holder of the lock on {@code file}, if it can be read. */
    static OptionalLong holder(Path file) {
        if (HELD.contains(file)) {
            return OptionalLong.of(ProcessHandle.current().pid());
        }
        try {
            String content = Files.readString(file, UTF_8).strip();
            return content.matches("\\d+") ? OptionalLong.of(Long.parseLong(content)) : OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + file, e);
        } finally {
            HELD.remove(file);
        }
    }
}
