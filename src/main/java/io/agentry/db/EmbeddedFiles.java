package io.agentry.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** File writes that a crash cannot leave half-done, and that nobody but the owner can read. */
final class EmbeddedFiles {
    private EmbeddedFiles() {}

    /**
     * Writes {@code content} to {@code target} with mode 0600: into a private temporary file first,
     * synced, then renamed over the target, so readers see the old file or the new one, never a
     * torn one, and the secret is never readable by others, not even for a moment.
     */
    static void writePrivately(Path target, String content) {
        Path dir = target.getParent();
        try {
            Path temp = Files.createTempFile(
                    dir,
                    "." + target.getFileName() + ".",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content.getBytes(UTF_8)));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Makes a rename or a new file in {@code dir} survive a power cut (fsync of the directory). */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync directory " + dir, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The last {@code count} lines of {@code file} (from its last 8 KiB), for error messages. */
    static String tail(Path file, int count) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 8192));
            channel.read(buffer, size - buffer.capacity());
            List<String> lines = new String(buffer.array(), 0, buffer.position(), UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            // Only ever used to enrich an error that is already being raised; say why it is missing.
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
