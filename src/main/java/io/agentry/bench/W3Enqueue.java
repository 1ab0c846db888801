package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Database;
import io.agentry.queue.TaskQueue;
import io.agentry.support.Clock;
import java.util.concurrent.TimeoutException;

/**
 * W3, enqueue rate: no worker; the client enqueues a warm-up (not timed), then n jobs, one
 * single-row call at a time, each committed before the next.
 */
final class W3Enqueue {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"n", "elapsed_s", "enqueues_per_s", "call_ms", "stored_jobs"})
    record Result(int n, double elapsedS, double enqueuesPerS, Stats callMs, long storedJobs)
            implements WorkloadResult {

        @Override
        @JsonIgnore
        public boolean timedOut() {
            return false; // a run past its deadline ends with an error instead: W3 has no timed_out key
        }

        @Override
        public String summary() {
            return String.format(
                    "W3 enqueue: %,d single-row enqueues in %.3f s -> %,.0f enqueues/s%n"
                            + "  call: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms; stored jobs %,d",
                    n, elapsedS, enqueuesPerS, callMs.p50(), callMs.p95(), callMs.p99(), callMs.max(), storedJobs);
        }
    }

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        Clock clock = context.clock();
        Jobs jobs = context.jobs();
        int warmup = settings.w3Warmup();
        int n = settings.w3N();
        long[] calls = new long[n];
        long elapsedMicros;
        try (Database client = context.database().connect(2)) {
            TaskQueue queue = new TaskQueue(client.dataSource());
            for (int i = 0; i < warmup; i++) {
                queue.enqueue(jobs.job(i, clock.epochMicros()));
            }
            long started = clock.nanoTime();
            for (int i = 0; i < n; i++) {
                if (context.deadline().passed()) {
                    throw new TimeoutException("W3 timed out after " + i + " of " + n + " enqueues");
                }
                long t = clock.epochMicros();
                long before = clock.nanoTime();
                queue.enqueue(jobs.job(warmup + i, t));
                calls[i] = (clock.nanoTime() - before) / 1_000;
            }
            elapsedMicros = (clock.nanoTime() - started) / 1_000;
        }
        try (Counts counts = Counts.open(context.database())) {
            return new Result(
                    n,
                    Round.seconds(elapsedMicros),
                    Round.rate(n, elapsedMicros),
                    Stats.ofMicros(calls),
                    counts.stored());
        }
    }
}
