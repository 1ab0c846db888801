package io.agentry.web;

import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.agentry.runner.NodeRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The task runner status's counts, per org: tasks by status and the pending tasks no running node
 * can run. Counting reads every task of the org, so a node counts at most once a second per org
 * and answers the requests of that second from it; each answer says when it was counted. While
 * one request counts, the others of the same org wait for its result rather than count too.
 */
final class TaskCounts {
    private static final long FRESH_NANOS = 1_000_000_000L;
    private static final String EVERY_ORG = "*";

    /** Counts of one org (every org's for the operator), as of {@code countedAt}. */
    record Counted(Map<TaskStatus, Long> byStatus, Map<String, Long> waitingForNode, Instant countedAt, long at) {}

    private final Map<String, Counted> counted = new ConcurrentHashMap<>();

    /** @param orgId the org, or null for every org */
    Counted of(UUID orgId, DataSource data, Call call) {
        return counted.compute(orgId == null ? EVERY_ORG : orgId.toString(), (key, last) -> {
            long now = System.nanoTime();
            if (last != null && now - last.at() < FRESH_NANOS) {
                return last;
            }
            Instant countedAt = call.services().clock().now();
            return new Counted(
                    new TaskQueue(data).countByStatus(orgId),
                    new NodeRegistry(data).pendingWithoutNode(orgId),
                    countedAt,
                    now);
        });
    }
}
