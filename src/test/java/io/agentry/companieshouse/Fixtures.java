package io.agentry.companieshouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The API answers under {@code src/test/resources/companieshouse/}. */
final class Fixtures {
    static final String COMPANY = "04567891";

    private Fixtures() {}

    static String json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/companieshouse/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture companieshouse/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
