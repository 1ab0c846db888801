package io.agentry.web;

import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code agentry_queue_tasks{status=…}}: the tasks of every org by status, counted when metrics
 * are scraped (one query per scrape: the first gauge read refreshes the counts for the others).
 */
final class QueueDepth {
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final TaskQueue queue;
    private Map<TaskStatus, Long> counts; // null until first counted
    private long countedAt;

    private QueueDepth(DataSource dataSource) {
        this.queue = new TaskQueue(dataSource);
    }

    static void register(MeterRegistry registry, DataSource dataSource) {
        QueueDepth depth = new QueueDepth(dataSource);
        for (TaskStatus status : TaskStatus.values()) {
            Gauge.builder("agentry.queue.tasks", depth, d -> d.count(status))
                    .description("Tasks of every org in this status")
                    .tag("status", status.sql())
                    .strongReference(true)
                    .register(registry);
        }
    }

    private synchronized double count(TaskStatus status) {
        long now = System.nanoTime();
        if (counts == null || now - countedAt > FRESH_NANOS) {
            try {
                counts = queue.countByStatus();
                countedAt = now;
            } catch (RuntimeException e) {
                return Double.NaN; // the database is not answering: no number rather than a false one
            }
        }
        return counts.getOrDefault(status, 0L);
    }
}
