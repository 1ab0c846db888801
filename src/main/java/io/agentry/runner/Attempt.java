package io.agentry.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.agent.CostMeter;
import io.agentry.agent.StopReason;
import io.agentry.agent.StopSignal;
import io.agentry.agent.StreamSink;
import io.agentry.agent.StreamSinks;
import io.agentry.queue.Backoff;
import io.agentry.queue.ClaimedTask;
import io.agentry.queue.Outcome;
import io.agentry.support.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One attempt at one claimed task: finds its agent, runs it under a timeout and turns whatever
 * happened into an {@link Outcome}. Every way an attempt can end maps to exactly one outcome, so
 * no execution is left {@code running}.
 */
final class Attempt {
    private static final Logger log = LoggerFactory.getLogger(Attempt.class);

    static final String NOT_STARTED = "released: node shut down before it started";

    final ClaimedTask task;
    final StopSignal stopSignal = new StopSignal();

    private final AgentRegistry registry;
    private final StreamSinks sinks;
    private final DataSource dataSource;
    private final Clock clock;
    private final Backoff backoff;

    Attempt(
            ClaimedTask task,
            AgentRegistry registry,
            StreamSinks sinks,
            DataSource dataSource,
            Clock clock,
            Backoff backoff) {
        this.task = task;
        this.registry = registry;
        this.sinks = sinks;
        this.dataSource = dataSource;
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * Runs the agent on the calling thread. Returns the outcome to record, or empty when this node
     * lost the lease and must not write anything.
     */
    Optional<Outcome> run(ScheduledExecutorService timer, Duration defaultTimeout) {
        MDC.put("task_id", task.id().toString());
        MDC.put("execution_id", String.valueOf(task.executionId()));
        try {
            StopReason stoppedEarly = stopSignal.reason();
            if (stoppedEarly != null) {
                return stoppedBeforeStart(stoppedEarly);
            }
            String unrunnable = whyUnrunnable();
            if (unrunnable != null) {
                log.warn("Task cannot run: {}", unrunnable);
                return Optional.of(Outcome.failed(task, Outcome.Kind.FAILED, unrunnable, null, null, Duration.ZERO));
            }
            return runAgent(registry.find(task.agentType()).orElseThrow(), timer, timeout(defaultTimeout));
        } finally {
            MDC.remove("task_id");
            MDC.remove("execution_id");
        }
    }

    /** Told to stop while it waited for a slot (prefetched): the agent never runs. */
    private Optional<Outcome> stoppedBeforeStart(StopReason reason) {
        return switch (reason) {
            case LEASE_LOST -> Optional.empty();
            case CANCELLED ->
                Optional.of(Outcome.failed(task, Outcome.Kind.CANCELLED, "cancelled", null, null, Duration.ZERO));
            case SHUTDOWN, TIMED_OUT -> Optional.of(Outcome.released(task, NOT_STARTED));
        };
    }

    private String whyUnrunnable() {
        if (task.agentType() == null) {
            return "agent " + task.agentId() + " does not exist";
        }
        if (!task.agentActive()) {
            return "agent '" + task.agentName() + "' (" + task.agentId() + ") is inactive";
        }
        if (registry.find(task.agentType()).isEmpty()) {
            return "no agent implementation for agent_type '" + task.agentType() + "' on this node (known: "
                    + registry.types() + ")";
        }
        return null;
    }

    Duration timeout(Duration defaultTimeout) {
        if (task.timeoutSeconds() != null) {
            return Duration.ofSeconds(task.timeoutSeconds());
        }
        JsonNode configured = task.agentConfiguration() == null
                ? null
                : task.agentConfiguration().get("timeout_seconds");
        if (configured != null && configured.canConvertToLong() && configured.asLong() > 0) {
            return Duration.ofSeconds(configured.asLong());
        }
        return defaultTimeout;
    }

    private Optional<Outcome> runAgent(Agent agent, ScheduledExecutorService timer, Duration timeout) {
        CostMeter meter = new CostMeter();
        UUID streamId = task.streamId();
        StreamSink sink = streamId == null
                ? StreamSink.NONE
                : sinks.open(new StreamSinks.Reporter(
                        task.orgId(), streamId, task.executionId(), task.agentId(), task.agentType(), task.attempt()));
        AgentContext context = AgentContext.builder()
                .task(task.id(), task.executionId(), task.attempt())
                .agent(task.agentId(), task.orgId(), task.agentType(), task.configuration())
                .workflowRun(task.workflowRunId())
                .input(task.payload())
                .stopSignal(stopSignal)
                .meter(meter)
                .stream(sink)
                .database(dataSource)
                .clock(clock)
                .build();
        ScheduledFuture<?> timeoutWatch =
                timer.schedule(() -> stopSignal.request(StopReason.TIMED_OUT), timeout.toNanos(), TimeUnit.NANOSECONDS);
        long started = clock.nanoTime();
        AgentResult result = null;
        Exception thrown = null;
        stopSignal.attach();
        try {
            result = agent.run(context);
            if (result == null) {
                result = AgentResult.failure("agent returned no result");
            }
        } catch (Exception e) {
            thrown = e;
        } finally {
            stopSignal.detach();
            timeoutWatch.cancel(false);
        }
        long durationMs = (clock.nanoTime() - started) / 1_000_000;
        JsonNode metrics = meter.toJson(durationMs);
        StopReason stop = stopSignal.reason();

        if (stop == StopReason.LEASE_LOST) {
            log.warn("Lost the lease of attempt {}; its result is dropped", task.attempt());
            return Optional.empty();
        }
        if (result != null && result.success()) {
            return Optional.of(Outcome.completed(task, result.output(), result.summary(), metrics, durationMs));
        }
        if (stop == StopReason.CANCELLED) {
            return Optional.of(
                    Outcome.failed(task, Outcome.Kind.CANCELLED, "cancelled", metrics, durationMs, Duration.ZERO));
        }
        if (stop == StopReason.SHUTDOWN) {
            return Optional.of(Outcome.failed(
                    task,
                    Outcome.Kind.RELEASED,
                    "released: node shut down during attempt " + task.attempt(),
                    metrics,
                    durationMs,
                    Duration.ZERO));
        }
        String error = stop == StopReason.TIMED_OUT
                ? "timed out after " + timeout.toSeconds() + " s"
                : thrown != null ? describe(thrown) : result.error();
        if (thrown != null && stop != StopReason.TIMED_OUT) {
            log.warn("Attempt {} failed", task.attempt(), thrown);
        } else {
            log.warn("Attempt {} failed: {}", task.attempt(), error);
        }
        if (task.hasRetriesLeft()) {
            return Optional.of(Outcome.failed(
                    task, Outcome.Kind.RETRY, error, metrics, durationMs, backoff.delay(task.retryCount())));
        }
        return Optional.of(Outcome.failed(task, Outcome.Kind.FAILED, error, metrics, durationMs, Duration.ZERO));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
