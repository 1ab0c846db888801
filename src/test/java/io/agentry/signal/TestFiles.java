package io.agentry.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Files under {@code src/test/resources/scout/}: Companies House answers and news feeds. */
public final class TestFiles {
    private TestFiles() {}

    public static String text(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/scout/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test file scout/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
