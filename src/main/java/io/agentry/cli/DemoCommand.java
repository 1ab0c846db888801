package io.agentry.cli;

import io.agentry.agent.AgentRegistry;
import io.agentry.agents.BuiltInAgents;
import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.key.ApiKeys;
import io.agentry.key.KeyRole;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.sample.SampleSiteServer;
import io.agentry.stream.StreamEvents;
import io.agentry.stream.StreamFeeds;
import io.agentry.support.Clock;
import io.agentry.website.WebsiteOptions;
import io.agentry.workflow.RunTrigger;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.Workflows;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agentry demo}: the product in one command, on the bundled synthetic sample. It opens (or
 * creates) the database, imports the sample catalogue and websites unless they are there, serves
 * the sample's websites from a local server, sets up the org "demo" with the seed's Discovery →
 * Enrichment → Scoring workflow on the seed's example goal, starts one run of it, runs the agents
 * in this process while printing what they do, and ends with the stream's best companies, the
 * run's steps and where to look next. A second demo reuses all of it and starts a new run.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show Agentry at work on bundled synthetic sample data: the embedded database, the sample catalogue "
                    + "(3,000 invented companies) and its websites served locally, and a Discovery -> Enrichment -> "
                    + "Scoring workflow on the goal \"50 SaaS and FinTech companies in the UK and Ireland with "
                    + "10-500 employees, quality 4.0 or more\", live, then the top companies and where to look next.",
            "Run it again on the same data directory: it reuses the catalogue, the org \"demo\", its agents and "
                    + "its stream, and starts a new run. See docs/demo.md."
        },
        footer = Main.FOOTER)
final class DemoCommand implements Callable<Integer> {
    private static final Path DEFAULT_DATA_DIR = Path.of(".agentry");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    ReferenceFlags referenceFlags;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "10",
            description = "Companies shown at the end (1..1000). Default: ${DEFAULT-VALUE}.")
    String top;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "How long to wait for the run (10s..1h). Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Option(
            names = "--quiet",
            description = "Print each agent's start and end and the progress, not every event. "
                    + "The default when the output is not a terminal.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        FlagValues flags = new FlagValues(spec);
        int limit = flags.whole("--top", top, "1..1000");
        Duration wait = flags.duration("--timeout", timeout, "10s..1h");
        ReferenceData reference = referenceFlags.load();
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.system();
        long started = clock.nanoTime();
        out.println("Agentry demo: a Discovery -> Enrichment -> Scoring workflow on SYNTHETIC sample data.");
        out.println("Every company, website and number below comes from the bundled sample: none of it is real.");
        out.println();
        out.flush();
        try (Database db = Databases.open(database.config())) {
            db.migrate();
            out.println("Database: " + database.config().describe() + ", schema up to date");
            DemoCatalogue.Lines catalogue = DemoCatalogue.load(db, reference, clock);
            out.println("Catalogue: " + catalogue.companies());
            out.println("           " + catalogue.websites());
            try (SampleSiteServer sites = SampleSiteServer.start()) {
                out.println(
                        "Websites: the sample's sites (http://<name>.example/) are served locally by this process on "
                                + "http://" + sites.address().getHostString() + ":"
                                + sites.address().getPort()
                                + "/, not fetched from the internet");
                DemoSetup.Prepared demo = DemoSetup.prepare(db.dataSource(), reference);
                boolean assigned = DemoWorkflow.assign(db.dataSource(), demo);
                out.println(
                        "Org \"" + DemoSetup.ORG + "\": " + (demo.orgReused() ? "already there, reused" : "created"));
                out.println("Agents: OpportunityBot -> EnrichmentAgent -> ScoringAgent, auto-execute on: "
                        + (assigned ? "already assigned, reused" : "assigned"));
                out.println("Stream \"" + demo.stream().name() + "\" "
                        + demo.stream().id() + ": "
                        + (demo.streamReused() ? "already there, reused (a new run on it)" : "created"));
                out.println("  " + StreamText.goal(demo.stream()));
                out.flush();
                return run(db, demo, sites, reference, clock, started, wait, limit, out);
            }
        }
    }

    private int run(
            Database db,
            DemoSetup.Prepared demo,
            SampleSiteServer sites,
            ReferenceData reference,
            Clock clock,
            long started,
            Duration wait,
            int limit,
            PrintWriter out)
            throws InterruptedException {
        WebsiteOptions websites = WebsiteOptions.defaults().withProxy(sites.proxy());
        try (BuiltInAgents builtIns =
                        new BuiltInAgents(reference, clock, CompaniesHouseClient.fromEnvironment(), websites);
                Runner runner = new Runner(
                        db,
                        workflowAgents(builtIns),
                        new StreamFeeds(db.dataSource(), clock),
                        RunnerOptions.defaults().withSlots(DemoSetup.AGENTS.size()),
                        clock)) {
            runner.start();
            long after = new StreamEvents(db.dataSource()).lastId(demo.stream().id());
            WorkflowRun run = new Workflows(db.dataSource())
                    .startWorkflow(demo.orgId(), demo.stream().id(), RunTrigger.MANUAL);
            out.println();
            out.println("Workflow run " + run.id() + " started; the agents run in this process:");
            out.flush();
            boolean live = !quiet && System.console() != null;
            WorkflowRun ended = Documents.read(
                    new RunWatch(out, live, clock, DemoSetup.MIN_QUALITY)
                            .follow(RunFeed.of(db.dataSource(), run, after), wait),
                    WorkflowRun.class);
            String apiKey = new ApiKeys(db.dataSource())
                    .create(ended.orgId(), "agentry demo", KeyRole.ADMIN)
                    .key();
            new DemoReport(db.dataSource(), out, clock)
                    .print(ended, demo.stream(), limit, flagsForNextCommands(), apiKey);
            out.printf(
                    "%nDemo finished in %s.%n",
                    Durations.text(Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - started))));
            out.flush();
            return "completed".equals(ended.status()) ? 0 : 1;
        }
    }

    /** The three agents of the workflow, and no other: this process runs only what the demo needs. */
    private static AgentRegistry workflowAgents(BuiltInAgents builtIns) {
        AgentRegistry registry = new AgentRegistry();
        for (DemoSetup.DemoAgent agent : DemoSetup.AGENTS) {
            registry.register(
                    agent.type(), builtIns.registry().find(agent.type()).orElseThrow());
        }
        return registry;
    }

    /** The flags the next commands need to find this database: none for the default data directory. */
    private String flagsForNextCommands() {
        if (database.url != null || database.dataDir == null || database.dataDir.equals(DEFAULT_DATA_DIR)) {
            return "";
        }
        return " --data-dir " + database.dataDir;
    }
}
