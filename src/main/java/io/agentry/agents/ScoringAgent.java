package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.agent.Insight;
import io.agentry.company.reference.ReferenceData;
import io.agentry.scoring.Priority;
import io.agentry.scoring.Scoring;
import io.agentry.scoring.ScoringResult;
import io.agentry.stream.Goal;
import io.agentry.stream.StreamGoals;
import io.agentry.support.Json;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code scoring_agent}: scores every company on its stream (quality = 2 × criteria match +
 * completeness + enrichment + signals, 0 to 5), bands it and ranks the stream by score
 * (docs/scoring.md). Output: {@code items_updated, avg_quality_score, high_quality_count}.
 */
public final class ScoringAgent implements Agent {
    public static final String TYPE = "scoring_agent";

    /** Below this mean enrichment the agent recommends running the enrichment agent. */
    private static final double LOW_ENRICHMENT = 0.25;

    private final ReferenceData reference;

    public ScoringAgent(ReferenceData reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    @Override
    public AgentResult run(AgentContext context) throws Exception {
        UUID streamId = Agents.streamOf(context, TYPE);
        Goal goal = StreamGoals.forAttempt(context, reference);
        context.stream()
                .activity(
                        "started",
                        "Scoring the stream's companies against " + Agents.describe(goal),
                        Agents.goalJson(goal));
        context.checkpoint();
        ScoringResult result =
                new Scoring(context.database(), reference, context.clock()).score(context.orgId(), streamId, goal);
        context.meter().itemsProcessed(result.itemsUpdated());
        report(context, result);
        ObjectNode output = Json.object();
        output.put("items_updated", result.itemsUpdated());
        output.put("avg_quality_score", result.avgQualityScore());
        output.put("high_quality_count", result.highQualityCount());
        ObjectNode summary = Json.object();
        summary.put("message", bands(result));
        return AgentResult.success(output, summary);
    }

    private static void report(AgentContext context, ScoringResult result) {
        if (result.itemsUpdated() > 0) {
            ObjectNode data = Json.object();
            result.bands().forEach((band, count) -> data.put(band.value(), count));
            data.put("avg_quality_score", result.avgQualityScore());
            data.set("components", result.averages().toJson());
            String key = "scoring:bands:" + result.bands().get(Priority.CRITICAL) + "/"
                    + result.bands().get(Priority.HIGH) + "/" + result.bands().get(Priority.MEDIUM) + "/"
                    + result.bands().get(Priority.LOW);
            context.stream()
                    .insight(new Insight(
                            Insight.Type.QUALITY_ASSESSMENT,
                            bands(result),
                            String.format(
                                    Locale.ROOT,
                                    "Average quality %.2f of 5; %d companies score 4.0 or more.",
                                    result.avgQualityScore(),
                                    result.highQualityCount()),
                            result.highQualityCount() > 0 ? Insight.Severity.SUCCESS : Insight.Severity.INFO,
                            data,
                            false,
                            key));
            double enrichment = result.averages().enrichment();
            if (enrichment < LOW_ENRICHMENT) {
                context.stream()
                        .insight(new Insight(
                                Insight.Type.RECOMMENDATION,
                                "Enrich the stream's companies",
                                String.format(
                                        Locale.ROOT,
                                        "Their enrichment averages %.2f of 1, which holds their quality back by up"
                                                + " to a point each. Run the enrichment agent, then score again.",
                                        enrichment),
                                Insight.Severity.INFO,
                                Json.object().put("avg_enrichment", enrichment),
                                true,
                                "scoring:enrichment_low:" + result.itemsUpdated()));
            }
        }
        context.stream()
                .activity("completed", bands(result), Json.object().put("items_updated", result.itemsUpdated()));
        context.stream().publishProgress();
    }

    private static String bands(ScoringResult result) {
        if (result.itemsUpdated() == 0) {
            return "No companies on the stream to score";
        }
        return String.format(
                Locale.ROOT,
                "%d companies scored: %d critical, %d high, %d medium, %d low",
                result.itemsUpdated(),
                result.bands().get(Priority.CRITICAL),
                result.bands().get(Priority.HIGH),
                result.bands().get(Priority.MEDIUM),
                result.bands().get(Priority.LOW));
    }
}
