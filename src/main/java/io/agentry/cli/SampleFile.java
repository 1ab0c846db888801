package io.agentry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A bundled sample copied to a temporary file, for the commands that read files; deleted on close. */
record SampleFile(Path path) implements AutoCloseable {

    static SampleFile of(String resource) throws IOException {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path directory = Files.createTempDirectory("agentry-sample");
        Path path = directory.resolve(name);
        try (InputStream in = SampleFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + resource + " is missing from this build");
            }
            Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
        }
        return new SampleFile(path);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
