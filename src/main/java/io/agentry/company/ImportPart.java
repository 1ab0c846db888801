package io.agentry.company;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One file of an import: a file on its own, a file inside a zip, or a part of a snapshot published
 * in parts. {@link #parts} finds them; {@link #open} streams one while counting the bytes read.
 */
record ImportPart(String name, long size, Path path, String zipEntry) {

    /**
     * The parts under {@code path}: the file itself, the files with one of {@code extensions} in the
     * zip it is, or the files of a folder (and the files in its zips), in name order.
     */
    static List<ImportPart> parts(Path path, List<String> extensions) {
        if (!Files.exists(path)) {
            throw new ImportException(path + " does not exist");
        }
        List<ImportPart> parts = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(Path::toString))
                        .toList()) {
                    if (isZip(file)) {
                        parts.addAll(zipParts(file, extensions));
                    } else if (hasExtension(file.getFileName().toString(), extensions)) {
                        parts.add(filePart(file));
                    }
                }
            } catch (IOException e) {
                throw new ImportException("cannot list " + path + ": " + e.getMessage(), e);
            }
            if (parts.isEmpty()) {
                throw new ImportException(path + " holds no " + describe(extensions) + " file or zip of them");
            }
            return parts;
        }
        if (isZip(path)) {
            parts.addAll(zipParts(path, extensions));
            if (parts.isEmpty()) {
                throw new ImportException(path + " holds no " + describe(extensions) + " file");
            }
            return parts;
        }
        return List.of(filePart(path));
    }

    /** The part's bytes; {@code bytesRead} grows as they are read. */
    InputStream open(AtomicLong bytesRead) throws IOException {
        if (zipEntry == null) {
            return new Counting(Files.newInputStream(path), bytesRead, null);
        }
        ZipFile zip = new ZipFile(path.toFile());
        try {
            return new Counting(zip.getInputStream(zip.getEntry(zipEntry)), bytesRead, zip);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static ImportPart filePart(Path file) {
        try {
            return new ImportPart(file.toString(), Files.size(file), file, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ImportPart> zipParts(Path zip, List<String> extensions) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<ImportPart> parts = new ArrayList<>();
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory() && hasExtension(entry.getName(), extensions)) {
                    parts.add(new ImportPart(
                            zip + "!" + entry.getName(), Math.max(entry.getSize(), 0), zip, entry.getName()));
                }
            }
            parts.sort(Comparator.comparing(ImportPart::name));
            return parts;
        } catch (IOException e) {
            throw new ImportException(zip + " is not a readable zip: " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static boolean hasExtension(String name, List<String> extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(extension -> lower.endsWith("." + extension));
    }

    private static String describe(List<String> extensions) {
        return String.join(" or ", extensions.stream().map(e -> "." + e).toList());
    }

    /** Counts what is read, and closes the zip it came from. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong bytesRead;
        private final ZipFile zip;

        Counting(InputStream in, AtomicLong bytesRead, ZipFile zip) {
            super(in);
            this.bytesRead = bytesRead;
            this.zip = zip;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesRead.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (zip != null) {
                    zip.close();
                }
            }
        }
    }
}
