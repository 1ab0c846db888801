package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.agent.Insight;
import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.enrichment.Enrichment;
import io.agentry.enrichment.EnrichmentOptions;
import io.agentry.enrichment.EnrichmentReport;
import io.agentry.enrichment.EnrichmentSources;
import io.agentry.enrichment.SourceStatus;
import io.agentry.support.Json;
import java.util.UUID;

/**
 * {@code enrichment_agent}: enriches the stream's companies that are due (never enriched, enriched
 * more than {@code stale_after_days} ago, or whose Companies House step was deferred) from
 * Companies House and their websites, with size estimates from their accounts category. See
 * docs/enrichment.md for the configuration, what is stored and the output.
 *
 * <p>Everything it reports is keyed: the activities by name within the execution, the insights by
 * the state they describe. A retried attempt reports nothing twice, and finds nothing due that the
 * earlier attempt stored.
 */
public final class EnrichmentAgent implements Agent {
    public static final String TYPE = "enrichment_agent";

    private final Enrichment enrichment;

    public EnrichmentAgent(EnrichmentSources sources) {
        this.enrichment = new Enrichment(sources);
    }

    @Override
    public AgentResult run(AgentContext context) throws Exception {
        UUID streamId = context.streamId();
        if (streamId == null) {
            return AgentResult.failure(TYPE + " works on a stream: the task has no stream_id");
        }
        EnrichmentOptions options = EnrichmentOptions.from(context.configuration());
        context.stream()
                .activity(
                        "started",
                        "Enrichment started",
                        Json.object()
                                .put("batch_size", options.batchSize())
                                .put("stale_after_days", options.staleAfterDays()));
        EnrichmentReport report = enrichment.run(context, streamId, options);
        ObjectNode output = report.toJson();
        reportInsights(context, report);
        context.stream()
                .activity(
                        "completed",
                        "Enriched " + report.enriched() + " of " + report.processed() + " companies processed; "
                                + (report.due() - report.processed()) + " still due",
                        output);
        context.stream().publishProgress();
        return AgentResult.success(output);
    }

    private static void reportInsights(AgentContext context, EnrichmentReport report) {
        if (report.streamCompanies() > 0) {
            boolean all = report.streamCompaniesEnriched() == report.streamCompanies();
            context.stream()
                    .insight(new Insight(
                            Insight.Type.QUALITY_ASSESSMENT,
                            report.streamCompaniesEnriched() + " of " + report.streamCompanies()
                                    + " companies enriched",
                            all
                                    ? "Every company of the stream has been enriched recently."
                                    : (report.streamCompanies() - report.streamCompaniesEnriched())
                                            + " companies wait for enrichment; later runs take them, oldest first.",
                            all ? Insight.Severity.SUCCESS : Insight.Severity.INFO,
                            Json.object()
                                    .put("companies", report.streamCompanies())
                                    .put("enriched", report.streamCompaniesEnriched()),
                            false,
                            "enrichment:coverage:" + report.streamCompaniesEnriched() + "/"
                                    + report.streamCompanies()));
        }
        if (!report.companiesHouseConfigured() && report.processed() > 0) {
            context.stream()
                    .insight(new Insight(
                            Insight.Type.RECOMMENDATION,
                            "Companies House is not configured",
                            CompaniesHouseClient.NOT_CONFIGURED
                                    + " to add officers, filing history and persons with significant control "
                                    + "to the stream's companies.",
                            Insight.Severity.WARNING,
                            Json.object().put("companies_skipped", report.companiesHouse(SourceStatus.SKIPPED)),
                            true,
                            "enrichment:companies_house:not_configured"));
        }
        int websitesFailed = report.websites(SourceStatus.FAILED);
        int websitesTried = websitesFailed + report.websites(SourceStatus.OK);
        if (websitesFailed > 0) {
            context.stream()
                    .insight(new Insight(
                            Insight.Type.QUALITY_ASSESSMENT,
                            websitesFailed + " of " + websitesTried + " websites could not be analysed",
                            "Their companies keep what earlier runs learnt; the reason for each is in the company's "
                                    + "enrichment, and they are tried again when next due.",
                            Insight.Severity.WARNING,
                            Json.object().put("failed", websitesFailed).put("tried", websitesTried),
                            false,
                            "enrichment:websites_failed:" + websitesFailed + "/" + websitesTried));
        }
        int deferred = report.companiesHouse(SourceStatus.DEFERRED);
        if (deferred > 0) {
            context.stream()
                    .insight(new Insight(
                            Insight.Type.PROGRESS_UPDATE,
                            deferred + " companies wait for the Companies House rate limit",
                            "The rate limit (600 requests in 5 minutes) was spent; their Companies House step "
                                    + "comes first in the next run.",
                            Insight.Severity.INFO,
                            Json.object().put("deferred", deferred),
                            false,
                            "enrichment:companies_house:deferred:" + deferred + "/" + report.due()));
        }
    }
}
