package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.agent.Insight;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Sql;
import io.agentry.discovery.Discovery;
import io.agentry.discovery.DiscoveryRequest;
import io.agentry.discovery.DiscoveryResult;
import io.agentry.signal.BuyingSignals;
import io.agentry.signal.CatalogueSignals;
import io.agentry.stream.Goal;
import io.agentry.stream.StreamGoals;
import io.agentry.support.Json;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code opportunity_bot}: discovery. Adds to its stream the catalogue's best companies for the
 * goal, up to {@code companies_to_find} qualified ones (docs/discovery.md). Output: {@code
 * companies_found, items_created, qualified_count, avg_quality_score, high_quality_count}.
 */
public final class OpportunityBot implements Agent {
    public static final String TYPE = "opportunity_bot";

    private final ReferenceData reference;

    public OpportunityBot(ReferenceData reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    @Override
    public AgentResult run(AgentContext context) throws Exception {
        UUID streamId = Agents.streamOf(context, TYPE);
        Goal goal = StreamGoals.forAttempt(context, reference);
        context.stream()
                .activity("started", "Searching the catalogue for " + Agents.describe(goal), Agents.goalJson(goal));
        context.checkpoint();
        DiscoveryResult result = new Discovery(context.database(), reference, context.clock())
                .discover(new DiscoveryRequest(
                        context.orgId(), streamId, context.agentId(), context.executionId(), context.attempt(), goal));
        context.meter().itemsProcessed(result.addedCompanyIds().size());
        // Signals from what the catalogue holds on the companies this execution added; a retry
        // looks at them again and counts what its earlier attempt recorded.
        BuyingSignals.Recorded signals = Sql.run(
                context.database(),
                connection -> CatalogueSignals.detect(
                        connection,
                        context.orgId(),
                        result.createdCompanyIds(),
                        context.clock(),
                        TYPE,
                        context.executionId()));
        report(context, goal, result);
        ObjectNode output = Json.object();
        output.put("companies_found", result.companiesFound());
        output.put("items_created", result.itemsCreated());
        output.put("qualified_count", result.qualifiedCount());
        output.put("avg_quality_score", result.avgQualityScore());
        output.put("high_quality_count", result.highQualityCount());
        output.put("signals_detected", signals.ofExecution());
        ObjectNode summary = Json.object();
        summary.put("message", summary(result));
        return AgentResult.success(output, summary);
    }

    private static void report(AgentContext context, Goal goal, DiscoveryResult result) {
        String counts = result.qualifiedCount() + "/" + result.target();
        if (result.targetMet()) {
            context.stream()
                    .insight(new Insight(
                            Insight.Type.QUALITY_ASSESSMENT,
                            "The stream has its " + result.target() + " qualified companies",
                            String.format(
                                    Locale.ROOT,
                                    "Discovery added %d companies (%d scoring 4.0 or more); %d companies on the"
                                            + " stream score %.1f or more.",
                                    result.itemsCreated(),
                                    result.highQualityCount(),
                                    result.qualifiedCount(),
                                    goal.minQualityScore()),
                            Insight.Severity.SUCCESS,
                            Json.object()
                                    .put("qualified_count", result.qualifiedCount())
                                    .put("target", result.target()),
                            false,
                            "discovery:qualified:" + counts));
        } else {
            context.stream()
                    .insight(new Insight(
                            Insight.Type.RISK_ALERT,
                            "Only " + result.qualifiedCount() + " of the " + result.target()
                                    + " companies wanted qualify",
                            String.format(
                                    Locale.ROOT,
                                    "The catalogue holds no other active company in %s scoring %.1f or more. Widen"
                                            + " the industries or places, or lower min_quality_score.",
                                    Agents.describe(goal),
                                    goal.minQualityScore()),
                            Insight.Severity.WARNING,
                            Json.object()
                                    .put("qualified_count", result.qualifiedCount())
                                    .put("target", result.target()),
                            true,
                            "discovery:shortfall:" + counts));
        }
        context.stream()
                .activity("completed", summary(result), Json.object().put("items_created", result.itemsCreated()));
        context.stream().publishProgress();
    }

    private static String summary(DiscoveryResult result) {
        return String.format(
                Locale.ROOT,
                "Added %d companies; %d of %d qualified companies on the stream",
                result.itemsCreated(),
                result.qualifiedCount(),
                result.target());
    }
}
