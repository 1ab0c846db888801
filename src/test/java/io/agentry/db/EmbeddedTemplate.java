package io.agentry.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One initialised data directory per test JVM. Tests that do not test the first start copy it
 * instead of paying for the unpacking and initdb (~4 s) each time; the binaries are hard-linked.
 */
final class EmbeddedTemplate {
    private static Path template;

    private EmbeddedTemplate() {}

    /** A data directory at {@code target} holding a copy of the template's cluster and password. */
    static Path copyTo(Path target) {
        Path source = template();
        try {
            Files.createDirectories(target);
            run(
                    "cp",
                    "-a",
                    source.resolve("pg").toString(),
                    source.resolve("password").toString(),
                    target.toString());
            // Absent when this JVM's library had unpacked elsewhere first; a child JVM then unpacks its own.
            if (Files.isDirectory(source.resolve("bin"))) {
                // Hard links: instant, and -a keeps the timestamps by which the library trusts an unpack.
                run("cp", "-al", source.resolve("bin").toString(), target.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("agentry-embedded-template-");
                EmbeddedDatabase.start(dir).close();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
                template = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + List.of(command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
