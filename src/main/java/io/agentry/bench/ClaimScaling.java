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
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Claim scaling (Agentry only): does the claim statement stay flat as the queue grows? At each
 * size, the queue is loaded with that many pending tasks (not timed); then, repeatedly, one
 * {@link Leases#claim} of a batch is timed, the claimed tasks are finished as completed (timed
 * apart), and as many new pending tasks are added (not timed) so the pending count stays put.
 * Last, as many tasks again are added at the larger size, of a type the claiming node does not run
 * and at the highest priority, and the claims are timed once more: they must not read those.
 */
final class ClaimScaling {
    private static final int WARMUP_ROUNDS = 50;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Set<String> TYPES = Set.of(NoopAgent.TYPE);

    /**
     * @param pending pending tasks of the type the node runs
     * @param unrunnable pending tasks of a type it does not run
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"pending", "unrunnable", "claim_ms", "finish_ms"})
    record AtSize(int pending, int unrunnable, Stats claimMs, Stats finishMs) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "batch",
        "samples",
        "small",
        "large",
        "large_with_unrunnable",
        "claim_p50_ratio",
        "claim_p99_ratio",
        "unrunnable_claim_p50_ratio",
        "unrunnable_claim_p99_ratio",
        "within_2x"
    })
    record Result(
            int batch,
            int samples,
            AtSize small,
            AtSize large,
            AtSize largeWithUnrunnable,
            double claimP50Ratio,
            double claimP99Ratio,
            double unrunnableClaimP50Ratio,
            double unrunnableClaimP99Ratio)
            implements WorkloadResult {

        @JsonProperty("within_2x")
        public boolean within2x() {
            return claimP50Ratio <= 2
                    && claimP99Ratio <= 2
                    && unrunnableClaimP50Ratio <= 2
                    && unrunnableClaimP99Ratio <= 2;
        }

        @Override
        @JsonIgnore
        public boolean timedOut() {
            return false; // a run past its deadline ends with an error instead
        }

        @Override
        public String summary() {
            return String.format(
                    "claim of %d, %d samples per size:%n%s%n%s%n%s%n"
                            + "  ratio large/small: p50 %.2f, p99 %.2f; with the unrunnable: p50 %.2f, p99 %.2f"
                            + " (goal: within 2x: %s)",
                    batch,
                    samples,
                    line(small),
                    line(large),
                    line(largeWithUnrunnable),
                    claimP50Ratio,
                    claimP99Ratio,
                    unrunnableClaimP50Ratio,
                    unrunnableClaimP99Ratio,
                    within2x() ? "yes" : "no");
        }

        private static String line(AtSize size) {
            return String.format(
                    "  %,9d pending%s: claim p50 %s ms, p99 %s ms; finish p50 %s ms, p99 %s ms",
                    size.pending(),
                    size.unrunnable() == 0 ? "" : String.format(" + %,d of a type no node runs", size.unrunnable()),
                    size.claimMs().p50(),
                    size.claimMs().p99(),
                    size.finishMs().p50(),
                    size.finishMs().p99());
        }
    }

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        PendingLoader loader = new PendingLoader(context.database().fixture());
        int small = settings.claimSmall();
        int large = settings.claimLarge();
        try (Connection loading = context.database().openConnection();
                Database node = context.database().connect(2)) {
            Sampler sampler = new Sampler(context, new Leases(node.queueDataSource()), loader, loading);
            load(context, small, "", () -> loader.reset(loading, small));
            AtSize atSmall = sampler.measure(small, 0);
            load(context, large, "", () -> loader.reset(loading, large));
            AtSize atLarge = sampler.measure(large, 0);
            load(context, large, " of a type no node runs", () -> loader.addUnrunnable(loading, large));
            AtSize withUnrunnable = sampler.measure(large, large);
            return new Result(
                    settings.claimBatch(),
                    settings.claimSamples(),
                    atSmall,
                    atLarge,
                    withUnrunnable,
                    ratio(atLarge.claimMs().p50(), atSmall.claimMs().p50()),
                    ratio(atLarge.claimMs().p99(), atSmall.claimMs().p99()),
                    ratio(withUnrunnable.claimMs().p50(), atSmall.claimMs().p50()),
                    ratio(withUnrunnable.claimMs().p99(), atSmall.claimMs().p99()));
        }
    }

    private interface Loading {
        void run() throws SQLException;
    }

    private static void load(BenchContext context, int count, String what, Loading loading) throws SQLException {
        Clock clock = context.clock();
        context.progress().printf("claim: loading %,d pending tasks%s (not timed)%n", count, what);
        long started = clock.nanoTime();
        loading.run();
        context.progress().printf("claim: loaded in %.1f s%n", (clock.nanoTime() - started) / 1e9);
    }

    /** Times claims of the workload's batch on the queue as loaded, keeping its pending count. */
    private record Sampler(BenchContext context, Leases leases, PendingLoader loader, Connection loading) {

        AtSize measure(int pending, int unrunnable) throws Exception {
            BenchSettings settings = context.settings();
            Clock clock = context.clock();
            int batch = settings.claimBatch();
            int samples = settings.claimSamples();
            long[] claims = new long[samples];
            long[] finishes = new long[samples];
            context.progress().printf("claim: measuring %d claims of %d%n", samples, batch);
            int next = pending;
            for (int round = -WARMUP_ROUNDS; round < samples; round++) {
                if (context.deadline().passed()) {
                    throw new TimeoutException("the claim workload timed out at " + pending + " pending tasks");
                }
                long before = clock.nanoTime();
                List<ClaimedTask> claimed = leases.claim("bench-claim", TYPES, batch, LEASE);
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
            return new AtSize(pending, unrunnable, Stats.ofMicros(claims), Stats.ofMicros(finishes));
        }
    }

    private static Outcome completed(ClaimedTask task) {
        return Outcome.completed(task, null, null, null, 0);
    }

    private static double ratio(double large, double small) {
        return small <= 0 ? 0 : Math.round(large / small * 100) / 100.0;
    }
}
