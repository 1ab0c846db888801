package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Database;
import io.agentry.queue.TaskQueue;
import io.agentry.support.Clock;
import java.util.Arrays;

/**
 * W2, pickup latency under light load: an idle worker, and a client that enqueues one job every
 * interval on a fixed schedule ({@code t_k = base + k·interval}), each call awaited. Latency is
 * handler start minus the clock read just before the enqueue call.
 *
 * <p>A send whose slot passed while the previous call ran is late: it goes at once, and the
 * slots that passed meanwhile are skipped rather than sent in a catch-up burst.
 */
final class W2Pickup {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"latency_ms", "enqueue_call_ms", "missing", "duplicates", "late_sends", "timed_out"})
    record Result(Stats latencyMs, Stats enqueueCallMs, int missing, long duplicates, int lateSends, boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            return String.format(
                    "W2 pickup latency over %d jobs: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms (mean %s, min %s)%n"
                            + "  enqueue call: p50 %s ms, p99 %s ms; missing %d, duplicates %d, late sends %d%s",
                    latencyMs.n(),
                    latencyMs.p50(),
                    latencyMs.p95(),
                    latencyMs.p99(),
                    latencyMs.max(),
                    latencyMs.mean(),
                    latencyMs.min(),
                    enqueueCallMs.p50(),
                    enqueueCallMs.p99(),
                    missing,
                    duplicates,
                    lateSends,
                    timedOut ? ", TIMED OUT" : "");
        }
    }

    /** What the producer did: per job, whether it was measured and how long its enqueue call took. */
    private record Sends(int count, boolean[] measured, long[] callMicros, int late, boolean timedOut) {}

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        long intervalNanos = settings.w2Interval().toNanos();
        long warmupNanos = settings.w2Warmup().toNanos();
        int slots = (int) ((warmupNanos + settings.w2Duration().toNanos() + intervalNanos - 1) / intervalNanos);
        JobLog log = new JobLog(slots);
        Sends sends;
        try (Worker worker = Worker.start(context.database(), settings.concurrency(), context.clock(), log);
                Database client = context.database().connect(2)) {
            Pause.forMillis(context.clock(), settings.w2Settle().toMillis());
            context.progress()
                    .printf(
                            "W2: one job every %d ms for %.1f s (+%.1f s warm-up)%n",
                            settings.w2Interval().toMillis(),
                            settings.w2Duration().toMillis() / 1e3,
                            warmupNanos / 1e9);
            sends = send(context, new TaskQueue(client.dataSource()), slots, intervalNanos, warmupNanos);
            log.awaitStarted(sends.count(), context.deadline().within(settings.w2Grace()));
        }
        if (log.strays() > 0) {
            throw new IllegalStateException(log.strays() + " handler run(s) carried an unknown job index");
        }
        return result(log, sends);
    }

    private static Sends send(BenchContext context, TaskQueue queue, int slots, long intervalNanos, long warmupNanos)
            throws InterruptedException {
        Clock clock = context.clock();
        Jobs jobs = context.jobs();
        boolean[] measured = new boolean[slots];
        long[] callMicros = new long[slots];
        int count = 0;
        int late = 0;
        long base = clock.nanoTime();
        for (int k = 0; k < slots; ) {
            if (context.deadline().passed()) {
                return new Sends(count, measured, callMicros, late, true);
            }
            long due = base + k * intervalNanos;
            boolean isMeasured = k * intervalNanos >= warmupNanos;
            if (clock.nanoTime() < due) {
                Pause.until(clock, due);
            } else if (isMeasured && k > 0) {
                late++;
            }
            long t = clock.epochMicros();
            long before = clock.nanoTime();
            queue.enqueue(jobs.job(count, t));
            callMicros[count] = (clock.nanoTime() - before) / 1_000;
            measured[count] = isMeasured;
            count++;
            // Next: the following slot, or the latest one already due (the skipped ones are lost).
            k = (int) Math.max(k + 1, (clock.nanoTime() - base) / intervalNanos);
        }
        return new Sends(count, measured, callMicros, late, false);
    }

    private static Result result(JobLog log, Sends sends) {
        long[] latencies = new long[sends.count()];
        long[] calls = new long[sends.count()];
        int measured = 0;
        int started = 0;
        int missing = 0;
        for (int i = 0; i < sends.count(); i++) {
            if (!sends.measured()[i]) {
                continue;
            }
            calls[measured++] = sends.callMicros()[i];
            if (log.hasStarted(i)) {
                latencies[started++] = log.startMicros(i) - log.enqueuedMicros(i);
            } else {
                missing++;
            }
        }
        return new Result(
                Stats.ofMicros(Arrays.copyOf(latencies, started)),
                Stats.ofMicros(Arrays.copyOf(calls, measured)),
                missing,
                log.duplicates(),
                sends.late(),
                sends.timedOut());
    }
}
