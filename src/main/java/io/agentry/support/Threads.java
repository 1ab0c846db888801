package io.agentry.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place threads are made. Every thread is a named daemon whose uncaught exceptions are
 * logged rather than lost.
 */
public final class Threads {
    private static final Logger log = LoggerFactory.getLogger(Threads.class);

    private Threads() {}

    public static ThreadFactory factory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception in {}", t.getName(), e));
            return thread;
        };
    }

    public static Thread start(String name, Runnable body) {
        Thread thread = factory(name).newThread(body);
        thread.setName(name);
        thread.start();
        return thread;
    }
}
