package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Database;
import io.agentry.queue.ClaimedTask;
import io.agentry.queue.Leases;
import io.agentry.queue.Outcome;
import io.agentry.support.Clock;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Claim scaling (Agentry only): does the claim statement stay flat as the queue grows? At each
 * size, the queue is loaded with that many pending tasks (not timed); then, repeatedly, one
 * {@link Leases#claim} of a batch is timed, the claimed tasks are finished as completed (timed
 * apart), and as many new pending tasks are added (not timed) so the pending count stays put.
 */
final class ClaimScaling {
    private static final int WARMUP_ROUNDS = 50;
    private static final Duration LEASE = Duration.ofSeconds(30);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"pending", "claim_ms", "finish_ms"})
    record AtSize(int pending, Stats claimMs, Stats finishMs) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"batch", "samples", "small", "large", "claim_p50_ratio", "claim_p99_ratio", "within_2x"})
    record Result(int batch, int samples, AtSize small, AtSize large, double claimP50Ratio, double claimP99Ratio)
            implements WorkloadResult {

        @JsonProperty("within_2x")
        public boolean within2x() {
            return claimP50Ratio <= 2 && claimP99Ratio <= 2;
        }

        @Override
        @JsonIgnore
        public boolean timedOut() {
            return false; // a run past its deadline ends with an error instead
        }

        @Override
        public String summary() {
            return String.format(
                    "claim of %d, %d samples per size:%n"
                            + "  %,9d pending: claim p50 %s ms, p99 %s ms; finish p50 %s ms, p99 %s ms%n"
                            + "  %,9d pending: claim p50 %s ms, p99 %s ms; finish p50 %s ms, p99 %s ms%n"
                            + "  ratio large/small: p50 %.2f, p99 %.2f (goal: within 2x: %s)",
                    batch,
                    samples,
                    small.pending(),
                    small.claimMs().p50(),
                    small.claimMs().p99(),
                    small.finishMs().p50(),
                    small.finishMs().p99(),
                    large.pending(),
                    large.claimMs().p50(),
                    large.claimMs().p99(),
                    large.finishMs().p50(),
                    large.finishMs().p99(),
                    claimP50Ratio,
                    claimP99Ratio,
                    within2x() ? "yes" : "no");
        }
    }

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        AtSize small = measure(context, settings.claimSmall());
        AtSize large = measure(context, settings.claimLarge());
        return new Result(
                settings.claimBatch(),
                settings.claimSamples(),
                small,
                large,
                ratio(large.claimMs().p50(), small.claimMs().p50()),
                ratio(large.claimMs().p99(), small.claimMs().p99()));
    }

    private static AtSize measure(BenchContext context, int pending) throws Exception {
        BenchSettings settings = context.settings();
        Clock clock = context.clock();
        int batch = settings.claimBatch();
        int samples = settings.claimSamples();
        PendingLoader loader = new PendingLoader(context.database().fixture());
        long[] claims = new long[samples];
        long[] finishes = new long[samples];
        try (Connection loading = context.database().openConnection();
                Database node = context.database().connect(2)) {
            context.progress().printf("claim: loading %,d pending tasks (not timed)%n", pending);
            long loadStarted = clock.nanoTime();
            loader.reset(loading, pending);
            context.progress()
                    .printf(
                            "claim: loaded in %.1f s; measuring %d claims of %d%n",
                            (clock.nanoTime() - loadStarted) / 1e9, samples, batch);
            Leases leases = new Leases(node.queueDataSource());
            int next = pending;
            for (int round = -WARMUP_ROUNDS; round < samples; round++) {
                if (context.deadline().passed()) {
                    throw new TimeoutException("the claim workload timed out at " + pending + " pending tasks");
                }
                long before = clock.nanoTime();
                List<ClaimedTask> claimed = leases.claim("bench-claim", batch, LEASE);
                long claimedAt = clock.nanoTime();
                leases.finish(claimed.stream().map(ClaimScaling::completed).toList());
                long finishedAt = clock.nanoTime();
                if (claimed.size() != batch) {
                    throw new IllegalStateException("claimed " + claimed.size() + " tasks, expected " + batch);
                }
                if (round >= 0) {
                    claims[round] = (claimedAt - before) / 1_000;
                    finishes[round] = (finishedAt - claimedAt) / 1_000;
                }
                loader.add(loading, next, batch);
                next += batch;
            }
        }
        return new AtSize(pending, Stats.ofMicros(claims), Stats.ofMicros(finishes));
    }

    private static Outcome completed(ClaimedTask task) {
        return Outcome.completed(task, null, null, null, 0);
    }

    private static double ratio(double large, double small) {
        return small <= 0 ? 0 : Math.round(large / small * 100) / 100.0;
    }
}
