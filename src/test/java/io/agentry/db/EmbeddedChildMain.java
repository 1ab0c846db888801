package io.agentry.db;

import java.nio.file.Path;

/**
 * The other process in the cross-process tests, run by {@link EmbeddedChildJvm}. It speaks in lines
 * that start with {@code CHILD }; everything else on its output is logging.
 *
 * <ul>
 *   <li>{@code own <dataDir> <rows>}: starts the database, commits {@code rows} rows into {@code
 *       events}, says {@code READY}, and keeps running until its standard input closes.
 *   <li>{@code open <dataDir>}: starts the database (attaching, when another process runs it), says
 *       whether it owns the server and how many rows {@code events} holds, closes it and exits.
 * </ul>
 *
 * Any failure is reported as {@code CHILD ERROR <message>} and exit status 1.
 */
final class EmbeddedChildMain {
    private EmbeddedChildMain() {}

    public static void main(String[] args) throws Exception {
        try {
            Path dataDir = Path.of(args[1]);
            switch (args[0]) {
                case "own" -> own(dataDir, Integer.parseInt(args[2]));
                case "open" -> open(dataDir);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (Exception e) {
            say("ERROR " + e.getMessage().replace('\n', ' '));
            System.exit(1);
        }
    }

    private static void own(Path dataDir, int rows) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            EmbeddedSql.insertEvents(database, rows);
            say("READY " + database.ownsServer());
            while (System.in.read() != -1) {
                // Keep owning the server until the test closes our input or kills us.
            }
        }
    }

    private static void open(Path dataDir) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            say("OWNS " + database.ownsServer());
            say("COUNT " + EmbeddedSql.countEvents(database));
        }
        say("CLOSED");
    }

    private static void say(String line) {
        System.out.println("CHILD " + line);
        System.out.flush();
    }
}
