package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Database;
import io.agentry.queue.NewTask;
import io.agentry.queue.TaskQueue;
import io.agentry.support.Clock;
import java.util.List;

/**
 * W1, drain throughput: the client enqueues N jobs in one batch call, then a worker starts and
 * runs them all. Done means no task is left uncompleted in the database (the completions are
 * committed), checked every 10 ms once the N-th handler has run.
 */
final class W1Drain {
    private static final long POLL_MILLIS = 10;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "n",
        "enqueue_s",
        "enqueue_batch_per_s",
        "jobs_per_s",
        "steady_jobs_per_s",
        "first_job_start_s",
        "drain_s",
        "completed",
        "duplicates",
        "timed_out"
    })
    record Result(
            int n,
            double enqueueS,
            double enqueueBatchPerS,
            Double jobsPerS,
            Double steadyJobsPerS,
            Double firstJobStartS,
            Double drainS,
            long completed,
            long duplicates,
            boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            return String.format(
                    "W1 drain: %,d jobs, batch enqueue %.3f s (%,.0f jobs/s)%n"
                            + "  drain %s s -> %s jobs/s (steady %s jobs/s), first job after %s s%n"
                            + "  completed %,d, duplicates %,d%s",
                    n,
                    enqueueS,
                    enqueueBatchPerS,
                    drainS,
                    rate(jobsPerS),
                    rate(steadyJobsPerS),
                    firstJobStartS,
                    completed,
                    duplicates,
                    timedOut ? ", TIMED OUT" : "");
        }

        private static String rate(Double value) {
            return value == null ? "-" : String.format("%,.0f", value);
        }
    }

    Result run(BenchContext context) throws Exception {
        int n = context.settings().n();
        Clock clock = context.clock();
        long enqueueMicros = enqueue(context, n);
        context.progress()
                .printf(
                        "W1: enqueued %,d jobs in %.3f s; draining with %d slots%n",
                        n, enqueueMicros / 1e6, context.settings().concurrency());

        try (Counts counts = Counts.open(context.database())) {
            long pending = counts.pending();
            if (pending != n) {
                throw new IllegalStateException("expected " + n + " pending jobs after the enqueue, found " + pending);
            }
            JobLog log = new JobLog(n);
            long t0 = clock.epochMicros();
            boolean done;
            long tDone;
            try (Worker worker =
                    Worker.start(context.database(), context.settings().concurrency(), clock, log)) {
                done = log.awaitStarted(n, context.deadline()) && awaitCommitted(counts, context);
                tDone = clock.epochMicros();
            }
            if (log.strays() > 0) {
                throw new IllegalStateException(
                        log.strays() + " handler run(s) carried an index outside 0.." + (n - 1));
            }
            return result(n, enqueueMicros, log, t0, tDone, counts.completed(), !done);
        }
    }

    /**
     * Steps 1 and 2: the client enqueues the N jobs in one call and closes. Its job list lives
     * only here: kept through the drain, it would be copied by every young collection there (the
     * drain's second one paused 25 ms with the list, 5 ms without).
     */
    private static long enqueue(BenchContext context, int n) {
        List<NewTask> tasks = context.jobs().batch(n);
        try (Database client = context.database().connect(2)) {
            TaskQueue queue = new TaskQueue(client.dataSource());
            long before = context.clock().nanoTime();
            queue.enqueueAll(tasks);
            return (context.clock().nanoTime() - before) / 1_000;
        }
    }

    /** Polls until no task is uncompleted; false when the deadline came first. */
    private static boolean awaitCommitted(Counts counts, BenchContext context) throws Exception {
        while (counts.uncompleted() > 0) {
            if (context.deadline().passed()) {
                return false;
            }
            Pause.forMillis(context.clock(), POLL_MILLIS);
        }
        return true;
    }

    private static Result result(
            int n, long enqueueMicros, JobLog log, long t0, long tDone, long completed, boolean timedOut) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (log.hasStarted(i)) {
                first = Math.min(first, log.startMicros(i));
                last = Math.max(last, log.startMicros(i));
            }
        }
        boolean anyRan = log.distinct() > 0;
        return new Result(
                n,
                Round.seconds(enqueueMicros),
                Round.rate(n, enqueueMicros),
                timedOut ? null : Round.rate(n, tDone - t0),
                timedOut || n < 2 ? null : Round.rate(n - 1, last - first),
                anyRan ? Round.seconds(first - t0) : null,
                timedOut ? null : Round.seconds(tDone - t0),
                completed,
                log.duplicates(),
                timedOut);
    }
}
