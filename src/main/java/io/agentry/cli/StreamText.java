package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.stream.Progress;
import io.agentry.stream.RankedItem;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamEvent;
import io.agentry.stream.StreamInsight;
import io.agentry.stream.Streams;
import io.agentry.support.Json;
import io.agentry.workflow.Assignment;
import io.agentry.workflow.StreamReports;
import io.agentry.workflow.WorkflowRun;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import picocli.CommandLine.Model.CommandSpec;

/** How a stream reads on a terminal: its goal, its progress, its best companies and its insights. */
final class StreamText {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int WHY_WIDTH = 80;
    private static final Pattern FILTERS = Pattern.compile("(industry|location|status): ");

    private StreamText() {}

    static UUID streamId(FlagValues flags, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw flags.error("ID must be a stream id such as 3f2b8c1e-…-… (agentry streams list), was " + text);
        }
    }

    /** The stream of that id; when there is none, says so on the command's error stream. */
    static Optional<Stream> find(CommandSpec spec, DataSource dataSource, UUID streamId) {
        Optional<Stream> stream = new Streams(dataSource, ReferenceData.bundled()).find(streamId);
        if (stream.isEmpty()) {
            notFound(spec, streamId);
        }
        return stream;
    }

    /** Says on the command's error stream that there is no such stream; returns the exit code, 1. */
    static int notFound(CommandSpec spec, UUID streamId) {
        spec.commandLine().getErr().println("No stream " + streamId + ": agentry streams list shows them.");
        spec.commandLine().getErr().flush();
        return 1;
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    static String goal(Stream stream) {
        return "Goal: " + Json.write(stream.goalCriteria()) + ", targets: " + Json.write(stream.targetMetrics());
    }

    static String progress(Progress progress) {
        return progress(StreamReports.progress(progress));
    }

    /** Progress as {@link StreamReports#progress} gives it. */
    static String progress(JsonNode progress) {
        return String.format(
                "%d of %d qualified companies (%d%%), %d on the stream; goal %s",
                progress.path("completed").asInt(),
                progress.path("total").asInt(),
                progress.path("percentage").asInt(),
                progress.path("items").asInt(),
                progress.path("goal_status").asText().replace('_', ' '));
    }

    /** The ranked companies as a table: rank, score, priority, number, name and why. */
    static String items(List<RankedItem> items) {
        TextTable table = new TextTable("#", "SCORE", "PRIORITY", "NUMBER", "COMPANY", "WHY");
        int row = 0;
        for (RankedItem item : items) {
            row++;
            table.row(
                    item.position() == null ? row : item.position(),
                    item.qualityScore() == null ? "" : String.format(Locale.ROOT, "%.2f", item.qualityScore()),
                    item.priority(),
                    item.companyNumber(),
                    item.title(),
                    why(item.reasons()));
        }
        return table.toString();
    }

    /**
     * A stream's overview ({@link StreamReports#overview}) without its workflow: the stream, its
     * goal and progress, its top companies and its latest insights.
     */
    static String of(JsonNode overview) {
        Stream stream = Documents.read(overview.path("stream"), Stream.class);
        StringBuilder text = new StringBuilder();
        text.append(stream.name()).append(" (").append(stream.id()).append(")\n");
        if (stream.description() != null) {
            text.append(stream.description()).append('\n');
        }
        text.append(goal(stream)).append('\n');
        if (overview.hasNonNull("progress")) {
            text.append("Progress: ").append(progress(overview.get("progress"))).append('\n');
        }
        List<RankedItem> items = Documents.list(overview.path("items"), RankedItem.class);
        text.append('\n');
        if (items.isEmpty()) {
            text.append("No company on the stream yet: agentry run opportunity_bot --stream ")
                    .append(stream.id())
                    .append('\n');
        } else {
            text.append("Top companies:\n").append(items(items));
        }
        List<StreamInsight> insights = Documents.list(overview.path("insights"), StreamInsight.class);
        if (!insights.isEmpty()) {
            text.append("\nLatest insights:\n");
            insights.forEach(insight -> text.append(insight(insight)).append('\n'));
        }
        return text.toString();
    }

    /** The overview's workflow, when agents are assigned: the assignments and the latest run. */
    static String workflow(JsonNode overview) {
        List<Assignment> assignments = Documents.list(overview.path("assignments"), Assignment.class);
        if (assignments.isEmpty()) {
            return "";
        }
        JsonNode latest = overview.path("latest_run");
        return "\nWorkflow:\n" + WorkflowText.assignments(assignments)
                + (latest.isObject()
                        ? "Latest: " + WorkflowText.run(Documents.read(latest, WorkflowRun.class))
                        : "No run yet: agentry workflow run "
                                + overview.path("stream").path("id").asText())
                + "\n";
    }

    /** The streams of a list ({@link StreamReports#summary}) as a table; {@code owner} whose they are. */
    static String list(List<JsonNode> summaries, String owner) {
        if (summaries.isEmpty()) {
            return "No stream for " + owner + " yet: agentry streams create NAME …\n";
        }
        TextTable table = new TextTable("ID", "NAME", "GOAL STATUS", "PROGRESS", "ITEMS", "CREATED");
        for (JsonNode summary : summaries) {
            Stream stream = Documents.read(summary, Stream.class);
            JsonNode p = summary.path("progress");
            table.row(
                    stream.id(),
                    stream.name(),
                    p.path("goal_status").asText(),
                    p.path("completed").asInt() + "/" + p.path("total").asInt() + " ("
                            + p.path("percentage").asInt() + "%)",
                    p.path("items").asInt(),
                    date(stream.createdAt()));
        }
        return table.toString();
    }

    /** One line for a stream event, as the live views print it. */
    static String event(StreamEvent event) {
        JsonNode p = event.payload();
        return switch (event.type()) {
            case StreamEvent.AGENT_ACTIVITY ->
                p.path("agent_type").asText() + ": " + p.path("message").asText();
            case StreamEvent.PROGRESS_UPDATE ->
                String.format(
                        "progress: %d of %d qualified (%d%%), %d on the stream, goal %s",
                        p.path("progress").path("completed").asInt(),
                        p.path("progress").path("total").asInt(),
                        p.path("progress").path("percentage").asInt(),
                        p.path("items").asInt(),
                        p.path("goal_status").asText().replace('_', ' '));
            case StreamEvent.MILESTONE -> "milestone: " + p.path("title").asText();
            default ->
                "insight [" + p.path("severity").asText() + "]: "
                        + p.path("title").asText()
                        + (p.path("description").isTextual()
                                ? ": " + p.path("description").asText()
                                : "");
        };
    }

    static String insight(StreamInsight insight) {
        String line = "  [" + insight.severity() + "] " + insight.title();
        return insight.description() == null ? line : line + ": " + insight.description();
    }

    /**
     * The first reasons that fit on a line, leaving out those of the goal's filters (industry,
     * location, status): every company on the stream passed them, so they do not tell one from another.
     */
    private static String why(JsonNode reasons) {
        List<String> parts = new ArrayList<>();
        reasons.forEach(reason -> {
            if (!FILTERS.matcher(reason.asText()).lookingAt()) {
                parts.add(reason.asText());
            }
        });
        String joined = String.join("; ", parts);
        return joined.length() <= WHY_WIDTH ? joined : joined.substring(0, WHY_WIDTH - 1) + "…";
    }
}
