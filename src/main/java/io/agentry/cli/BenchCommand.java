package io.agentry.cli;

import io.agentry.bench.Bench;
import io.agentry.bench.BenchReport;
import io.agentry.bench.BenchSettings;
import io.agentry.bench.PgUrl;
import io.agentry.bench.Workload;
import io.agentry.support.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agentry bench}: the queue benchmark of {@code WORKLOADS.md} (W1 drain, W2 pickup latency,
 * W3 enqueue rate) plus Agentry's claim-scaling check. Exit code 0 when the run counts, 1 when it
 * failed or timed out, 2 for bad arguments.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = BenchCommand.Version.class,
        sortOptions = false,
        usageHelpWidth = 120,
        description = {
            "Benchmarks the queue with no-op jobs and writes one JSON report (see docs/benchmarks.md).",
            "w1: drain throughput; w2: pickup latency under light load; w3: enqueue rate;",
            "w4: 1,000 runs of a three-agent workflow chain, and the hop from one agent to the next;",
            "claim: claim latency with --claim-small vs --claim-large pending tasks;",
            "import: the catalogue import of a snapshot (--import-rows generated, or --import-file),",
            "beside a raw COPY of the same file into a text table;",
            "websites: the website analyzer on --websites sites a local server answers after --website-delay-ms",
            "(--concurrency sites at once);",
            "enrichment: the enrichment agent over --websites stream companies whose sites and Companies House API",
            "a local server answers after --website-delay-ms;",
            "discovery: opportunity_bot finding 50 companies, scoring: scoring_agent on 10,000 items, each on a",
            "generated catalogue of --import-rows companies (or --import-file);",
            "sse: --sse-subscribers event streams over HTTP on an agentry serve of its own, events at --sse-rate",
            "per second: delivery latency after commit, and the server's memory.",
            "Later arguments override earlier ones."
        })
public final class BenchCommand implements Callable<Integer> {
    // The accepted ranges, in --help and in the checks; durations in the unit their flag names.
    private static final String CONCURRENCY = "1..1000";
    private static final String N = "1..10000000";
    private static final String TIMEOUT_S = "1..86400";
    private static final String W2_INTERVAL_MS = "1..60000";
    private static final String W2_DURATION_S = "0.1..3600";
    private static final String W2_WARMUP_S = "0..3600";
    private static final String W2_SETTLE_MS = "0..600000";
    private static final String W2_GRACE_S = "0..3600";
    private static final String W3_N = "1..10000000";
    private static final String W3_WARMUP = "0..1000000";
    private static final String CLAIM_BATCH = "1..1000";
    private static final String CLAIM_SAMPLES = "1..1000000";
    private static final String CLAIM_SMALL = "1..10000000";
    private static final String CLAIM_LARGE = "1..100000000";
    private static final String IMPORT_ROWS = "1..50000000";
    private static final String WEBSITES = "1..1000000";
    private static final String WEBSITE_DELAY_MS = "0..10000";
    private static final String SSE_SUBSCRIBERS = "1..10000";
    private static final String SSE_STREAMS = "1..10000";
    private static final String SSE_RATE = "1..10000";
    private static final String SSE_DURATION_S = "0.1..3600";

    private CommandSpec spec;

    // Values are read as text and converted in call(), not by picocli: a bad value that a later
    // argument overrides must not fail the run, and every message names its flag.
    @Option(
            names = "--workload",
            required = true,
            paramLabel = "w1|w2|w3|w4|claim|import|websites|enrichment|discovery|scoring|schedule-tick|sse",
            description = "The workload (required).")
    private String workload;

    @Option(
            names = "--db-url",
            paramLabel = "postgres://USER:PASS@HOST:PORT/DB",
            description = "An EMPTY database to run in (libpq URL, percent-encoded). Default: the embedded "
                    + "PostgreSQL, in a database the bench creates (synchronous_commit=off) and drops.")
    private String dbUrl;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:AGENTRY_DATA_DIR:-./.agentry}",
            description = "Data directory of the embedded PostgreSQL, without --db-url "
                    + "(env AGENTRY_DATA_DIR; default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.json",
            description = "Where to write the JSON report (required).")
    private Path out;

    @Option(
            names = "--concurrency",
            defaultValue = "8",
            description = "Worker slots C (" + CONCURRENCY + "; default: ${DEFAULT-VALUE}).")
    private String concurrency;

    @Option(
            names = "--n",
            defaultValue = "20000",
            description = "W1: jobs to enqueue and drain (" + N + "; default: ${DEFAULT-VALUE}).")
    private String n;

    @Option(
            names = "--timeout-s",
            defaultValue = "600",
            paramLabel = "SECONDS",
            description = "Limit of the whole workload; past it the run stops and does not count (" + TIMEOUT_S
                    + "; default: ${DEFAULT-VALUE}).")
    private String timeoutS;

    @Option(
            names = "--w2-interval-ms",
            defaultValue = "20",
            description = "W2: one job every this many ms (" + W2_INTERVAL_MS + "; default: ${DEFAULT-VALUE}).")
    private String w2IntervalMs;

    @Option(
            names = "--w2-duration-s",
            defaultValue = "15",
            description = "W2: measured sending time (" + W2_DURATION_S + "; default: ${DEFAULT-VALUE}).")
    private String w2DurationS;

    @Option(
            names = "--w2-warmup-s",
            defaultValue = "1",
            description = "W2: warm-up sending time, discarded (" + W2_WARMUP_S + "; default: ${DEFAULT-VALUE}).")
    private String w2WarmupS;

    @Option(
            names = "--w2-settle-ms",
            defaultValue = "1000",
            description = "W2: idle wait after the worker starts (" + W2_SETTLE_MS + "; default: ${DEFAULT-VALUE}).")
    private String w2SettleMs;

    @Option(
            names = "--w2-grace-s",
            defaultValue = "30",
            description = "W2: how long to wait for stragglers (" + W2_GRACE_S + "; default: ${DEFAULT-VALUE}).")
    private String w2GraceS;

    @Option(
            names = "--w3-n",
            defaultValue = "5000",
            description = "W3: timed single-row enqueues (" + W3_N + "; default: ${DEFAULT-VALUE}).")
    private String w3N;

    @Option(
            names = "--w3-warmup",
            defaultValue = "200",
            description = "W3: untimed enqueues first (" + W3_WARMUP + "; default: ${DEFAULT-VALUE}).")
    private String w3Warmup;

    @Option(
            names = "--variant",
            defaultValue = "default",
            description = "A label for this configuration, copied to the report (default: ${DEFAULT-VALUE}).")
    private String variant;

    @Option(
            names = "--claim-batch",
            defaultValue = "8",
            description = "claim: tasks per claim (" + CLAIM_BATCH + "; default: ${DEFAULT-VALUE}).")
    private String claimBatch;

    @Option(
            names = "--claim-samples",
            defaultValue = "500",
            description = "claim: timed claims per queue size (" + CLAIM_SAMPLES + "; default: ${DEFAULT-VALUE}).")
    private String claimSamples;

    @Option(
            names = "--claim-small",
            defaultValue = "1000",
            description = "claim: the small pending-queue size (" + CLAIM_SMALL + "; default: ${DEFAULT-VALUE}).")
    private String claimSmall;

    @Option(
            names = "--claim-large",
            defaultValue = "1000000",
            description = "claim: the large pending-queue size (" + CLAIM_LARGE + "; default: ${DEFAULT-VALUE}).")
    private String claimLarge;

    @Option(
            names = "--import-rows",
            defaultValue = "1000000",
            description = "import, discovery, scoring: synthetic companies to generate and import (" + IMPORT_ROWS
                    + "; default: ${DEFAULT-VALUE}).")
    private String importRows;

    @Option(
            names = "--import-file",
            paramLabel = "FILE",
            description = "import, discovery, scoring: a snapshot file to import instead of a generated one.")
    private Path importFile;

    @Option(
            names = "--websites",
            defaultValue = "1000",
            description = "websites: sites to analyse (" + WEBSITES + "; default: ${DEFAULT-VALUE}).")
    private String websites;

    @Option(
            names = "--website-delay-ms",
            defaultValue = "50",
            description = "websites: the local server's delay before each answer (" + WEBSITE_DELAY_MS
                    + "; default: ${DEFAULT-VALUE}).")
    private String websiteDelayMs;

    @Option(
            names = "--sse-subscribers",
            defaultValue = "1000",
            description = "sse: event streams held open (" + SSE_SUBSCRIBERS + "; default: ${DEFAULT-VALUE}).")
    private String sseSubscribers;

    @Option(
            names = "--sse-streams",
            defaultValue = "10",
            description = "sse: streams the subscribers and events are spread over (" + SSE_STREAMS
                    + ", at most --sse-subscribers; default: ${DEFAULT-VALUE}).")
    private String sseStreams;

    @Option(
            names = "--sse-rate",
            defaultValue = "20",
            description = "sse: events committed per second (" + SSE_RATE + "; default: ${DEFAULT-VALUE}).")
    private String sseRate;

    @Option(
            names = "--sse-duration-s",
            defaultValue = "30",
            description = "sse: measured sending time, after a 5 s warm-up (" + SSE_DURATION_S
                    + "; default: ${DEFAULT-VALUE}).")
    private String sseDurationS;

    /** Later arguments override earlier ones, however this command is registered. */
    @Spec
    void spec(CommandSpec commandSpec) {
        commandSpec.parser().overwrittenOptionsAllowed(true);
        this.spec = commandSpec;
    }

    @Override
    public Integer call() {
        FlagValues flags = new FlagValues(spec);
        BenchSettings settings;
        try {
            settings = new BenchSettings(
                    convert("--workload", workload, Workload::of),
                    dbUrl == null ? null : convert("--db-url", dbUrl, PgUrl::parse),
                    dataDir,
                    out,
                    flags.whole("--concurrency", concurrency, CONCURRENCY),
                    flags.whole("--n", n, N),
                    Duration.ofSeconds(flags.whole("--timeout-s", timeoutS, TIMEOUT_S)),
                    Duration.ofMillis(flags.whole("--w2-interval-ms", w2IntervalMs, W2_INTERVAL_MS)),
                    seconds(flags.decimal("--w2-duration-s", w2DurationS, W2_DURATION_S)),
                    seconds(flags.decimal("--w2-warmup-s", w2WarmupS, W2_WARMUP_S)),
                    Duration.ofMillis(flags.whole("--w2-settle-ms", w2SettleMs, W2_SETTLE_MS)),
                    seconds(flags.decimal("--w2-grace-s", w2GraceS, W2_GRACE_S)),
                    flags.whole("--w3-n", w3N, W3_N),
                    flags.whole("--w3-warmup", w3Warmup, W3_WARMUP),
                    variant,
                    flags.whole("--claim-batch", claimBatch, CLAIM_BATCH),
                    flags.whole("--claim-samples", claimSamples, CLAIM_SAMPLES),
                    flags.whole("--claim-small", claimSmall, CLAIM_SMALL),
                    flags.whole("--claim-large", claimLarge, CLAIM_LARGE),
                    flags.whole("--import-rows", importRows, IMPORT_ROWS),
                    importFile,
                    flags.whole("--websites", websites, WEBSITES),
                    Duration.ofMillis(flags.whole("--website-delay-ms", websiteDelayMs, WEBSITE_DELAY_MS)),
                    flags.whole("--sse-subscribers", sseSubscribers, SSE_SUBSCRIBERS),
                    flags.whole("--sse-streams", sseStreams, SSE_STREAMS),
                    flags.whole("--sse-rate", sseRate, SSE_RATE),
                    seconds(flags.decimal("--sse-duration-s", sseDurationS, SSE_DURATION_S)));
        } catch (IllegalArgumentException e) {
            throw flags.error(e.getMessage());
        }
        BenchReport report = new Bench(Clock.system(), System.out, System.err).run(settings);
        return report.counts() ? 0 : 1;
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    /** Runs the bench on its own, e.g. {@code java -cp agentry.jar io.agentry.cli.BenchCommand …}. */
    public static void main(String[] args) {
        System.exit(Main.configured(new CommandLine(new BenchCommand())).execute(args));
    }

    private <T> T convert(String flag, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '" + flag + "': " + e.getMessage());
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agentry bench " + Bench.version()};
        }
    }
}
