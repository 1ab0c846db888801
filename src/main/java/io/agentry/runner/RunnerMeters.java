package io.agentry.runner;

import io.agentry.queue.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a runner counts, as Micrometer meters: tasks claimed, attempt outcomes as written
 * ({@code agentry_task_outcomes_total{outcome=completed|retry|failed|cancelled|released}}), and
 * how long attempts ran ({@code agentry_task_attempt_seconds}, with percentiles).
 */
final class RunnerMeters {
    private final Counter claimed;
    private final Map<Outcome.Kind, Counter> outcomes = new EnumMap<>(Outcome.Kind.class);
    private final Timer attempts;

    RunnerMeters(MeterRegistry registry, String nodeId) {
        claimed = Counter.builder("agentry.tasks.claimed")
                .description("Tasks this node claimed")
                .tag("node", nodeId)
                .register(registry);
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            outcomes.put(
                    kind,
                    Counter.builder("agentry.task.outcomes")
                            .description("Attempt outcomes this node wrote")
                            .tag("node", nodeId)
                            .tag("outcome", kind.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        attempts = Timer.builder("agentry.task.attempt")
                .description("How long agents ran, per attempt")
                .tag("node", nodeId)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    /** Meters that nobody reads: for runners of tests, benchmarks and commands. */
    static RunnerMeters unread(String nodeId) {
        return new RunnerMeters(new SimpleMeterRegistry(), nodeId);
    }

    void claimed(int count) {
        claimed.increment(count);
    }

    void written(Outcome.Kind kind) {
        outcomes.get(kind).increment();
    }

    void attempted(long nanos) {
        attempts.record(nanos, TimeUnit.NANOSECONDS);
    }
}
