package io.agentry.cli;

import io.agentry.stream.Progress;
import io.agentry.stream.RankedItem;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamInsight;
import io.agentry.stream.StreamInsights;
import io.agentry.stream.StreamItems;
import io.agentry.stream.StreamProgress;
import io.agentry.support.Clock;
import io.agentry.workflow.RunStep;
import io.agentry.workflow.WorkflowRun;
import io.agentry.workflow.WorkflowRuns;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the demo prints once its run has ended: the run's steps with their durations, the stream's
 * top companies, the goal as it now reads, the insights, and where to look next.
 */
final class DemoReport {
    private static final int INSIGHTS = 6;
    private static final String API = "http://127.0.0.1:8080";

    private final DataSource dataSource;
    private final PrintWriter out;
    private final Clock clock;

    DemoReport(DataSource dataSource, PrintWriter out, Clock clock) {
        this.dataSource = dataSource;
        this.out = out;
        this.clock = clock;
    }

    /**
     * @param flags what the next commands need to find this database ({@code --data-dir DIR}), or ""
     * @param apiKey a key of the demo's organization for the HTTP API, shown this once
     */
    void print(WorkflowRun run, Stream stream, int top, String flags, String apiKey) {
        List<RunStep> steps = new WorkflowRuns(dataSource).steps(run.orgId(), run.id());
        out.println();
        out.println(outcome(run));
        out.println();
        out.println("Run steps:");
        out.print(WorkflowText.steps(steps));

        List<RankedItem> items = new StreamItems(dataSource).ranked(stream.id(), top);
        out.println();
        out.println("Top companies of \"" + stream.name() + "\" (synthetic sample data):");
        out.print(items.isEmpty() ? "  none on the stream\n" : StreamText.items(items));

        Optional<Progress> progress = new StreamProgress(dataSource, clock).read(stream.id());
        boolean scored = steps.stream()
                .anyMatch(step -> "scoring_agent".equals(step.agentType()) && "completed".equals(step.status()));
        double minQuality = stream.targetMetrics().path("min_quality_score").asDouble(DemoSetup.MIN_QUALITY);
        out.println();
        progress.ifPresent(p -> out.printf(
                Locale.ROOT,
                "Goal: %d companies at quality %.1f or more%s. %s.%n",
                p.total(),
                minQuality,
                scored ? ", counted on the ScoringAgent's quality" : "",
                capitalized(StreamText.progress(p))));
        if (scored
                && progress.isPresent()
                && progress.get().completed() < progress.get().total()) {
            out.println(DemoScores.explain(steps, items, minQuality, progress.get()));
        }

        List<StreamInsight> insights = new StreamInsights(dataSource).latest(stream.id(), INSIGHTS);
        if (!insights.isEmpty()) {
            out.println();
            out.println("Latest insights:");
            insights.forEach(insight -> out.println(StreamText.insight(insight) + " (" + insight.generatedBy() + ")"));
        }

        out.println();
        out.println("Where to look next:");
        out.println(
                "  agentry streams show " + stream.id() + flags + "   the stream: goal, progress, companies, insights");
        out.println("  agentry runs " + stream.id() + flags + "   the stream's workflow runs and their steps");
        out.println("  agentry companies show "
                + (items.isEmpty() ? "NUMBER" : items.get(0).companyNumber()) + flags
                + "   everything the catalogue holds about a company");
        out.println("  agentry serve" + flags + "   a node on this database: the HTTP API on " + API
                + ", the runner, the scheduler");
        out.println("  curl -H \"Authorization: Bearer " + apiKey + "\" " + API + "/api/streams/" + stream.id());
        out.println("      the stream over HTTP, with an admin key of organization '" + DemoSetup.ORG
                + "' made for you (shown this once; every route: " + API + "/api/openapi.json)");
        out.println("  docs/demo.md (what the demo did), docs/workflows.md, docs/scoring.md (the quality score), "
                + "docs/streams.md");
        out.flush();
    }

    private static String outcome(WorkflowRun run) {
        return run.isRunning()
                ? "Run " + run.id() + " has not finished yet; a node on this database (agentry serve) carries it on."
                : WorkflowText.run(run);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
