package io.agentry.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who the PostgreSQL binaries run as. initdb, pg_ctl and postgres refuse to run as root; the
 * library then runs them under {@code unshare -U} (a user namespace in which we are not root), and
 * so must we, or our pg_ctl would refuse where the library's works.
 */
final class PgUser {
    static final String ROOT_WITHOUT_USER_NAMESPACES = "The embedded PostgreSQL cannot run as root here: PostgreSQL "
            + "refuses to run as root (\"initdb: cannot be run as root\"), and this system does not allow user "
            + "namespaces (`unshare -U` fails), which is how it is otherwise run as a non-root user. Run agentry as "
            + "a non-root user, enable user namespaces (sysctl user.max_user_namespaces > 0, "
            + "kernel.unprivileged_userns_clone=1), or use an external PostgreSQL (AGENTRY_DATABASE_URL).";

    private PgUser() {}

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell which user this process runs as", e);
        }
    }

    /** The same decision the library makes: root and a working {@code unshare -U}. */
    static List<String> commandPrefix() {
        return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U") : List.of();
    }

    /** Fails before any work when PostgreSQL could not run at all: as root without user namespaces. */
    static void requireRunnable() {
        requireRunnable(isRoot(), LinuxUtils.isUnshareAvailable());
    }

    static void requireRunnable(boolean root, boolean unshareAvailable) {
        if (root && !unshareAvailable) {
            throw new IllegalStateException(ROOT_WITHOUT_USER_NAMESPACES);
        }
    }
}
