package io.agentry.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the cluster so that it is either complete or absent, never half made.
 *
 * <p>An initdb killed halfway leaves a folder that never starts; had it been made in place, every
 * later start would fail on it. So initdb runs in a fresh {@code pg.init-<random>} folder next to
 * {@code pg}; the cluster is configured and started once (which proves the password works), the
 * marker file is written into it, and only then is the folder renamed to {@code pg} (one atomic
 * rename). A {@code pg} without the marker was therefore not made here completely: it is set aside
 * as {@code pg.incomplete-<n>}, never deleted. {@code pg.init-*} folders never served data and are
 * removed.
 */
final class PgClusterInit {
    private static final Logger log = LoggerFactory.getLogger(PgClusterInit.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Host-based authentication: password (SCRAM) over TCP on the loopback address; nothing else. */
    private static final String PG_HBA = """
            # Written by agentry. The server listens on 127.0.0.1 only, without a Unix socket, and every
            # connection authenticates with the superuser password kept in the data directory.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            host    all             all             127.0.0.1/32            scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            """;

    private PgClusterInit() {}

    /** Makes sure {@code dataDir} holds a complete cluster; true when it had to create one. */
    static boolean ensureInitialised(EmbeddedDataDirectory dataDir) {
        removeLeftovers(dataDir);
        if (dataDir.clusterIsComplete()) {
            return false;
        }
        if (Files.exists(dataDir.cluster())) {
            Path aside = setAside(dataDir);
            log.warn(
                    "{} was not completely initialised (no {} marker); moved it to {} and initialising afresh",
                    dataDir.cluster(),
                    EmbeddedDataDirectory.MARKER,
                    aside);
        }
        initialise(dataDir);
        return true;
    }

    private static void initialise(EmbeddedDataDirectory dataDir) {
        String password = newPassword();
        EmbeddedFiles.writePrivately(dataDir.passwordFile(), password + "\n");
        Path temporary = dataDir.root().resolve(EmbeddedDataDirectory.INIT_PREFIX + UUID.randomUUID());
        PgServer.start(dataDir, temporary, password, PgServer.ANY_PORT).close();
        EmbeddedFiles.writePrivately(temporary.resolve("pg_hba.conf"), PG_HBA);
        EmbeddedFiles.writePrivately(
                temporary.resolve(EmbeddedDataDirectory.MARKER),
                "This PostgreSQL cluster was initialised completely by agentry. Do not delete this file.\n");
        move(temporary, dataDir.cluster());
        EmbeddedFiles.syncDirectory(dataDir.root());
    }

    /** 32 characters from [A-Za-z0-9_-]: 192 random bits, and nothing a shell or a URL mangles. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void removeLeftovers(EmbeddedDataDirectory dataDir) {
        for (Path leftover : dataDir.initFolders()) {
            // Its init server may have been orphaned with the JVM that ran the init.
            PgShutdown.clear(leftover, dataDir.logFile());
            deleteRecursively(leftover);
            log.info("Removed {}, left by an interrupted initialisation", leftover);
        }
    }

    private static Path setAside(EmbeddedDataDirectory dataDir) {
        for (int n = 1; ; n++) {
            Path aside = dataDir.root().resolve(EmbeddedDataDirectory.SET_ASIDE_PREFIX + n);
            if (!Files.exists(aside)) {
                move(dataDir.cluster(), aside);
                return aside;
            }
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
