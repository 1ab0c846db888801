package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.stream.Progress;
import io.agentry.stream.RankedItem;
import io.agentry.workflow.RunStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the demo's companies score what they do, from what this run's agents reported: the goal's
 * minimum is on the ScoringAgent's scale, where facts from Companies House and live buying signals
 * weigh as much as the fit to the goal, and discovery's own score is the fit alone.
 */
final class DemoScores {
    private DemoScores() {}

    static String explain(List<RunStep> steps, List<RankedItem> top, double min, Progress progress) {
        List<String> lines = new ArrayList<>();
        String best = top.isEmpty() || top.get(0).qualityScore() == null
                ? ""
                : String.format(
                        Locale.ROOT, "; the best here is %.2f", top.get(0).qualityScore());
        lines.add(String.format(
                Locale.ROOT,
                "Why %s: quality = 2 x criteria match + completeness + enrichment + signals, each 0 to 1 "
                        + "(docs/scoring.md)%s.",
                progress.completed() == 0
                        ? String.format(Locale.ROOT, "no company reaches %.1f", min)
                        : String.format(
                                Locale.ROOT, "only %d of %d reach %.1f", progress.completed(), progress.items(), min),
                best));
        output(steps, "enrichment_agent").ifPresent(enrichment -> {
            JsonNode companiesHouse = enrichment.path("companies_house");
            if (!companiesHouse.path("configured").asBoolean()) {
                lines.add("- Companies House is not configured (AGENTRY_COMPANIES_HOUSE_API_KEY): officers, filing "
                        + "history and persons with significant control stay unknown and add nothing.");
            } else {
                lines.add(String.format(
                        Locale.ROOT,
                        "- Companies House found %d of the companies enriched in this run and did not know %d "
                                + "(the sample's company numbers are invented).",
                        companiesHouse.path("ok").asInt(),
                        companiesHouse.path("not_found").asInt()));
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "- Websites: %d analysed in this run (the sample has sites for 60 of its 3,000 companies); "
                            + "a site read adds to completeness and enrichment.",
                    enrichment.path("website").path("ok").asInt()));
        });
        output(steps, "opportunity_bot")
                .filter(discovery -> discovery.path("items_created").asInt() > 0)
                .ifPresent(discovery -> lines.add(String.format(
                        Locale.ROOT,
                        "- Discovery scores fit to the goal alone (criteria match x 5): its %d new companies "
                                + "averaged %.2f, and its progress and milestones counted that fit; scoring replaced "
                                + "it with quality.",
                        discovery.path("items_created").asInt(),
                        discovery.path("avg_quality_score").asDouble())));
        return "  " + String.join("\n  ", lines);
    }

    private static Optional<JsonNode> output(List<RunStep> steps, String type) {
        return steps.stream()
                .filter(step -> type.equals(step.agentType()) && step.outputData() != null)
                .map(RunStep::outputData)
                .findFirst();
    }
}
