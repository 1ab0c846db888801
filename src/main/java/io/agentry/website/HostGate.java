package io.agentry.website;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One request at a time per host name. Every HTTP exchange of an analyzer, robots.txt and
 * redirect hops included, holds its host's permit from sending the request until the body is read
 * or abandoned, so however many sites are analysed at once and wherever their redirects lead, a
 * host never sees two requests of ours at the same time. Different hosts have different permits
 * and proceed in parallel.
 *
 * <p>A thread holds at most one permit at a time (it gives it back before following a redirect or
 * fetching another robots.txt), so threads cannot deadlock on each other's hosts. Permits are fair:
 * waiters get the host in the order they asked. The key is the host name alone, so http and https,
 * and every port, of one host share a permit. Permits are kept for the analyzer's life, one small
 * object per host seen.
 */
final class HostGate {
    private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();

    /** Waits at most {@code wait} for the host's turn; false when it did not come. */
    boolean enter(String host, Duration wait) throws InterruptedException {
        return permit(host).tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    void leave(String host) {
        permit(host).release();
    }

    private Semaphore permit(String host) {
        return permits.computeIfAbsent(host, h -> new Semaphore(1, true));
    }
}
