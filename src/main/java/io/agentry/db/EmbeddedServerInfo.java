package io.agentry.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the owner of a data directory publishes about its running server, so that other processes
 * on the same directory connect to it instead of starting their own ({@code server.properties}).
 * It names the password file rather than holding the password, and is written 0600 all the same.
 *
 * @param pid the process that started the server and holds the lock
 * @param port the TCP port on 127.0.0.1
 * @param user the superuser name
 * @param passwordFile where that user's password is kept
 */
record EmbeddedServerInfo(long pid, int port, String user, Path passwordFile) {

    void writeTo(Path file) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("user", user);
        properties.setProperty("password_file", passwordFile.toString());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "The embedded PostgreSQL server of this data directory; removed when it stops.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format server info", e);
        }
        EmbeddedFiles.writePrivately(file, text.toString());
    }

    /** The published server, or empty when none is (or the file is unreadable as one). */
    static Optional<EmbeddedServerInfo> readFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(EmbeddedFiles.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        String pid = properties.getProperty("pid", "");
        String port = properties.getProperty("port", "");
        String user = properties.getProperty("user");
        String passwordFile = properties.getProperty("password_file");
        if (!pid.matches("\\d+") || !port.matches("\\d+") || user == null || passwordFile == null) {
            return Optional.empty();
        }
        return Optional.of(
                new EmbeddedServerInfo(Long.parseLong(pid), Integer.parseInt(port), user, Path.of(passwordFile)));
    }
}
