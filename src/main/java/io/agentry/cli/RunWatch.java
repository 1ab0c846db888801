package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.stream.StreamEvent;
import io.agentry.support.Clock;
import io.agentry.workflow.RunStep;
import io.agentry.workflow.WorkflowRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Follows a workflow run as it happens, in plain lines: each agent when it starts and when it
 * ends, with what it did, and the stream's progress as each agent published it; with {@code live}
 * also the rest of the stream's events (activity, milestones, insights) as the agents write them.
 * It reads the run with its steps and the stream's feed from a {@link RunFeed}, polling: on the
 * database, or through a server.
 *
 * <p>Progress counts the items whose score reaches the goal's minimum, whoever wrote the score:
 * after discovery that is its fit to the goal, after scoring the quality (docs/demo.md). Each
 * progress line says which. Used by {@code agentry workflow run} and {@code agentry demo}.
 */
final class RunWatch {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String INDENT = "           ";
    private static final int STARTED = 0;
    private static final int EVENT = 1;
    private static final int ENDED = 2;

    private final PrintWriter out;
    private final boolean live;
    private final Clock clock;
    private final double minQuality;
    private final Map<UUID, String> shown = new HashMap<>();

    RunWatch(PrintWriter out, boolean live, Clock clock, double minQuality) {
        this.out = out;
        this.live = live;
        this.clock = clock;
        this.minQuality = minQuality;
    }

    /** A line to print, at the database's time of what it reports; {@code order} breaks ties. */
    private record Line(Instant at, int order, String text) {}

    /**
     * Prints the run's steps and the stream's events, in the order they happened, until the run
     * has ended or {@code timeout} has passed; returns the run with its steps as last read. Times
     * are from the run's start, on the database's clock, like the rows.
     */
    JsonNode follow(RunFeed feed, Duration timeout) throws InterruptedException {
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode document = feed.run();
            WorkflowRun run = Documents.read(document, WorkflowRun.class);
            List<Line> lines = new ArrayList<>();
            for (StreamEvent event : feed.events()) {
                if (live || event.type().equals(StreamEvent.PROGRESS_UPDATE)) {
                    lines.add(new Line(event.createdAt(), EVENT, line(event)));
                }
            }
            Documents.list(document.path("steps"), RunStep.class).forEach(step -> lines.addAll(step(step)));
            lines.sort(Comparator.comparing(Line::at).thenComparing(Line::order));
            lines.forEach(line -> out.println(text(run, line)));
            out.flush();
            if (!run.isRunning() || clock.nanoTime() > deadline) {
                return document;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    /** A step's line with its time since the run started; an event's under it. */
    private static String text(WorkflowRun run, Line line) {
        if (line.order() == EVENT) {
            return INDENT + line.text();
        }
        long millis = Math.max(0, Duration.between(run.createdAt(), line.at()).toMillis());
        return String.format(Locale.ROOT, "  [%5.1fs] %s", millis / 1000.0, line.text());
    }

    private static boolean isEnded(RunStep step) {
        return switch (step.status()) {
            case "completed", "failed", "cancelled" -> true;
            default -> false;
        };
    }

    /** A line when a step is first seen started, one when it has ended; none while it waits in the queue. */
    private List<Line> step(RunStep step) {
        List<Line> lines = new ArrayList<>();
        String before = shown.get(step.executionId());
        if (before == null && step.startedAt() != null) {
            lines.add(new Line(step.startedAt(), STARTED, name(step) + " started"));
            shown.put(step.executionId(), "started");
        }
        if (!isEnded(step) || "ended".equals(before)) {
            return lines;
        }
        shown.put(step.executionId(), "ended");
        String took = step.durationMs() == null ? "" : " in " + Durations.text(Duration.ofMillis(step.durationMs()));
        String outcome = name(step) + " " + step.status() + took;
        Instant at = step.completedAt() != null ? step.completedAt() : clock.now();
        if (step.errorMessage() != null) {
            lines.add(new Line(at, ENDED, outcome + ": " + step.errorMessage()));
            return lines;
        }
        lines.add(new Line(
                at,
                ENDED,
                step.outputData() == null ? outcome : outcome + ": " + summary(step.agentType(), step.outputData())));
        return lines;
    }

    private static String name(RunStep step) {
        return step.agentName() + " (" + step.agentType() + ")";
    }

    /** What an agent's output says, in a few words of its own kind. */
    static String summary(String agentType, JsonNode output) {
        if (output == null || output.isNull()) {
            return "no output";
        }
        return switch (agentType) {
            case "opportunity_bot" ->
                String.format(
                        Locale.ROOT,
                        "%d new companies on the stream (%d found matching the goal)",
                        output.path("items_created").asInt(),
                        output.path("companies_found").asInt());
            case "enrichment_agent" ->
                String.format(
                        Locale.ROOT,
                        "%d of %d companies enriched; websites: %d analysed, %d failed, %d skipped; "
                                + "Companies House: %s",
                        output.path("enriched_count").asInt(),
                        output.path("companies_processed").asInt(),
                        output.path("website").path("ok").asInt(),
                        output.path("website").path("failed").asInt(),
                        output.path("website").path("skipped").asInt(),
                        output.path("companies_house").path("configured").asBoolean()
                                ? output.path("companies_house").path("ok").asInt() + " answered"
                                : "not configured");
            case "scoring_agent" ->
                String.format(
                        Locale.ROOT,
                        "%d companies scored, average quality %s, %d at 4.0 or more",
                        output.path("items_updated").asInt(),
                        output.path("avg_quality_score").isNumber()
                                ? String.format(
                                        Locale.ROOT,
                                        "%.2f",
                                        output.path("avg_quality_score").asDouble())
                                : "-",
                        output.path("high_quality_count").asInt());
            default -> output.toString();
        };
    }

    /** Whose scores a progress update counted. */
    private static String scale(String agentType) {
        return switch (agentType) {
            case "opportunity_bot" -> " (scores: discovery's fit for new companies)";
            case "scoring_agent" -> " (scores: quality)";
            default -> "";
        };
    }

    /** An event of the feed as {@code agentry run} prints it; progress with the scale its scores are on. */
    private String line(StreamEvent event) {
        if (!event.type().equals(StreamEvent.PROGRESS_UPDATE)) {
            return StreamText.event(event);
        }
        JsonNode p = event.payload();
        return String.format(
                Locale.ROOT,
                "progress%s: %d of %d at %.1f or more (%d%%), %d on the stream, goal %s",
                scale(p.path("agent_type").asText()),
                p.path("progress").path("completed").asInt(),
                p.path("progress").path("total").asInt(),
                minQuality,
                p.path("progress").path("percentage").asInt(),
                p.path("items").asInt(),
                p.path("goal_status").asText().replace('_', ' '));
    }
}
