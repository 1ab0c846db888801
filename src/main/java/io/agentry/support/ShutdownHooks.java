package io.agentry.support;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shutdown work in a fixed order. The JVM runs its own shutdown hooks concurrently, which would
 * let the embedded database stop while the runner is still writing its last outcomes; here one
 * JVM hook runs the registered actions phase by phase: the application first, the database last.
 */
public final class ShutdownHooks {
    private static final Logger log = LoggerFactory.getLogger(ShutdownHooks.class);

    /** Runners, servers: what still needs the database to stop cleanly. */
    public static final int APPLICATION = 0;
    /** The embedded database itself. */
    public static final int DATABASE = 100;

    private static final TreeMap<Integer, List<Runnable>> PHASES = new TreeMap<>();
    private static boolean installed;
    private static boolean running;

    private ShutdownHooks() {}

    /** Runs {@code action} at JVM shutdown in {@code phase}, unless removed first. */
    public static synchronized void add(int phase, Runnable action) {
        if (!installed) {
            Thread hook = Threads.factory("agentry-shutdown").newThread(ShutdownHooks::runAll);
            Runtime.getRuntime().addShutdownHook(hook);
            installed = true;
        }
        PHASES.computeIfAbsent(phase, p -> new ArrayList<>()).add(action);
    }

    /** Forgets {@code action}; a no-op once shutdown has begun (the action runs or ran). */
    public static synchronized void remove(Runnable action) {
        if (!running) {
            PHASES.values().forEach(actions -> actions.remove(action));
        }
    }

    private static void runAll() {
        List<Runnable> ordered = new ArrayList<>();
        synchronized (ShutdownHooks.class) {
            running = true;
            PHASES.values().forEach(ordered::addAll);
        }
        for (Runnable action : ordered) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("Shutdown step failed; going on with the next", e);
            }
        }
    }
}
