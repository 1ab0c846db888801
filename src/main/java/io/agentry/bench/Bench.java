package io.agentry.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one benchmark workload end to end: prepares its database (not timed), runs the workload,
 * writes the JSON report to {@code --out} and prints a summary. Failures do not escape: they
 * become the report's {@code error}, so every run leaves a file that says what happened.
 */
public final class Bench {
    private static final Logger log = LoggerFactory.getLogger(Bench.class);
    private static final String FALLBACK_VERSION = "0.1.0";

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream progress;

    /**
     * @param out where the summary goes
     * @param progress where progress lines go while the run is under way
     */
    public Bench(Clock clock, PrintStream out, PrintStream progress) {
        this.clock = clock;
        this.out = out;
        this.progress = progress;
    }

    public BenchReport run(BenchSettings settings) {
        ObjectNode knobs = settings.toJson();
        describeEngine(knobs, settings);
        WorkloadResult result = null;
        String error = null;
        try (BenchDatabase database = settings.workload().needsDatabase()
                ? BenchDatabase.open(settings, clock.now().toEpochMilli())
                : null) {
            if (database != null) {
                describeDatabase(knobs, database);
            }
            Deadline deadline = Deadline.after(clock, settings.timeout());
            result = workload(new BenchContext(settings, database, clock, deadline, progress));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            log.error("The {} benchmark failed", settings.workload().id(), e);
            error = describe(e);
        }
        BenchReport report = new BenchReport(
                BenchReport.PEER,
                settings.workload().id(),
                BenchReport.PEER,
                version(),
                "java " + System.getProperty("java.version"),
                settings.concurrency(),
                knobs,
                error,
                result);
        try {
            report.writeTo(settings.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + settings.out(), e);
        }
        out.println(report.summary());
        out.println("Report: " + settings.out().toAbsolutePath());
        return report;
    }

    private static WorkloadResult workload(BenchContext context) throws Exception {
        return switch (context.settings().workload()) {
            case W1 -> new W1Drain().run(context);
            case W2 -> new W2Pickup().run(context);
            case W3 -> new W3Enqueue().run(context);
            case W4 -> new ChainBench().run(context);
            case CLAIM -> new ClaimScaling().run(context);
            case IMPORT -> new CatalogueImport().run(context);
            case WEBSITES -> new WebsiteAnalysisBench().run(context);
            case ENRICHMENT -> new EnrichmentBench().run(context);
            case DISCOVERY -> new DiscoveryBench().run(context);
            case SCORING -> new ScoringBench().run(context);
            case SCHEDULE_TICK -> new ScheduleTickBench().run(context);
            case SSE -> new SseBench().run(context);
        };
    }

    /** The engine's own settings, which the flags do not change. */
    private static void describeEngine(ObjectNode knobs, BenchSettings settings) {
        RunnerOptions runner = Worker.options(settings.concurrency());
        knobs.put("runner_slots", runner.slots());
        knobs.put("runner_poll_interval_ms", runner.pollInterval().toMillis());
        knobs.put("runner_lease_ttl_s", runner.leaseTtl().toSeconds());
        knobs.put("runner_heartbeat_s", runner.heartbeatInterval().toSeconds());
        knobs.put("runner_prefetch_per_slot", runner.prefetch());
        knobs.put("runner_pool_max", Worker.POOL_SIZE);
        knobs.put("client_pool_max", 2);
        knobs.put("max_retries", 3);
        knobs.put(
                "wakeups",
                "LISTEN/NOTIFY (channel agentry_tasks); enqueues of this process wake its runner directly;"
                        + " polling as the 5 s safety net");
        knobs.put(
                "jvm_options",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        knobs.put("w1_enqueue", "TaskQueue.enqueueAll, all N jobs in one call");
        knobs.put("w2_w3_enqueue", "TaskQueue.enqueue, one row per call, auto-commit");
        knobs.put("clock", "one process clock, epoch microseconds (Clock.system().epochMicros())");
    }

    private static void describeDatabase(ObjectNode knobs, BenchDatabase database) {
        BenchDatabase.ServerFacts facts = database.facts();
        knobs.put("database_name", database.databaseName());
        knobs.put("server_version", facts.serverVersion());
        knobs.put("synchronous_commit", facts.synchronousCommit());
        knobs.put("synchronous_commit_source", facts.synchronousCommitSource());
    }

    /** The version in the jar manifest ({@code Implementation-Version}), else the project version. */
    public static String version() {
        String version = Bench.class.getPackage().getImplementationVersion();
        return version == null ? FALLBACK_VERSION : version;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        String detail =
                message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            detail += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return detail;
    }
}
