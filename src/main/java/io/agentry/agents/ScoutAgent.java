package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.signal.BuyingSignals;
import io.agentry.signal.DetectedSignal;
import io.agentry.signal.FeedReader;
import io.agentry.signal.MonitoredCompany;
import io.agentry.signal.SignalType;
import io.agentry.support.Json;
import io.agentry.website.WebsiteAnalyzer;
import io.agentry.website.WebsiteOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code scout_agent}: watches companies for buying signals in real sources (Companies House
 * filings and officers, careers pages, news feeds) and records those at least as confident as its
 * threshold. See docs/signals.md for the rules and the configuration.
 *
 * <p>A run watches the companies on its stream, or, without a stream, those on the org's active
 * streams. It records every signal once: a second run that finds the same adds nothing, and a
 * retried attempt counts what its execution recorded before as its own.
 */
public final class ScoutAgent implements Agent {
    public static final String TYPE = "scout_agent";

    private final Optional<CompaniesHouseClient> companiesHouse;
    private final WebsiteOptions websiteOptions;
    private final WebsiteAnalyzer sharedAnalyzer;
    private final FeedReader feeds;

    /**
     * A scout that makes a website analyzer for each run and closes it at the end of the run, so
     * that robots.txt is read afresh every run.
     *
     * @param companiesHouse the API client; empty when no key is configured, and the Companies
     *     House signals are then skipped with the reason
     * @param websiteOptions how careers pages are fetched
     * @param feeds how news feeds are read
     */
    public ScoutAgent(Optional<CompaniesHouseClient> companiesHouse, WebsiteOptions websiteOptions, FeedReader feeds) {
        this(companiesHouse, Objects.requireNonNull(websiteOptions, "websiteOptions"), null, feeds);
    }

    /**
     * A scout that reads careers pages through an analyzer the process shares between agents (its
     * robots.txt cache and per-host turns then hold across them); the caller closes it.
     */
    public ScoutAgent(Optional<CompaniesHouseClient> companiesHouse, WebsiteAnalyzer sharedAnalyzer, FeedReader feeds) {
        this(companiesHouse, null, Objects.requireNonNull(sharedAnalyzer, "sharedAnalyzer"), feeds);
    }

    private ScoutAgent(
            Optional<CompaniesHouseClient> companiesHouse,
            WebsiteOptions websiteOptions,
            WebsiteAnalyzer sharedAnalyzer,
            FeedReader feeds) {
        this.companiesHouse = Objects.requireNonNull(companiesHouse, "companiesHouse");
        this.websiteOptions = websiteOptions;
        this.sharedAnalyzer = sharedAnalyzer;
        this.feeds = Objects.requireNonNull(feeds, "feeds");
    }

    @Override
    public AgentResult run(AgentContext context) throws Exception {
        ScoutSettings settings = ScoutSettings.from(context.configuration());
        List<MonitoredCompany> companies = ScoutCompanies.load(context.database(), context.orgId(), context.streamId());
        Instant started = context.clock().now();
        LocalDate since = LocalDate.ofInstant(started, ZoneOffset.UTC).minusDays(settings.lookbackDays());
        context.stream()
                .activity(
                        "started",
                        "Watching " + companies.size() + " companies for " + typeList(settings),
                        Json.object().put("companies", companies.size()).put("signals", typeList(settings)));

        List<DetectedSignal> found = new ArrayList<>();
        ObjectNode sources = Json.object();
        if (!companies.isEmpty()) {
            add(
                    sources,
                    found,
                    "companies_house",
                    CompaniesHouseScan.run(companiesHouse, companies, settings, since, context));
            add(sources, found, "websites", websites(companies, settings, context));
            add(
                    sources,
                    found,
                    "news",
                    NewsScan.run(
                            feeds,
                            companies,
                            settings,
                            since.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            context));
        }
        context.meter().itemsProcessed(companies.size());

        // One per signal: two feeds may carry the same story.
        Map<DetectedSignal.Key, DetectedSignal> unique = new LinkedHashMap<>();
        for (DetectedSignal signal : found) {
            if (settings.wants(signal.type())) {
                unique.putIfAbsent(signal.key(), signal);
            }
        }
        List<DetectedSignal> kept = new ArrayList<>();
        for (DetectedSignal signal : unique.values()) {
            if (signal.confidence() >= settings.minConfidence()) {
                kept.add(signal);
            }
        }
        int belowThreshold = unique.size() - kept.size();
        context.checkpoint();
        BuyingSignals.Recorded recorded = new BuyingSignals(context.database())
                .record(
                        context.orgId(),
                        TYPE,
                        context.executionId(),
                        context.clock().now(),
                        kept);
        Map<Long, MonitoredCompany> byId =
                companies.stream().collect(Collectors.toMap(MonitoredCompany::id, Function.identity()));
        for (DetectedSignal signal : kept) {
            SignalInsights.of(signal, byId.get(signal.companyId())).ifPresent(context.stream()::insight);
        }

        ObjectNode output = output(settings, companies.size(), kept, recorded, belowThreshold, sources);
        context.stream()
                .activity(
                        "completed",
                        "Checked " + companies.size() + " companies: " + kept.size() + " signals, "
                                + recorded.ofExecution() + " new",
                        output.deepCopy().without("sources"));
        context.stream().publishProgress();
        return AgentResult.success(output);
    }

    private Scan websites(List<MonitoredCompany> companies, ScoutSettings settings, AgentContext context)
            throws InterruptedException {
        if (!settings.wants(SignalType.JOB_POSTING)) {
            return Scan.notRequested();
        }
        if (sharedAnalyzer != null) {
            return WebsiteScan.run(sharedAnalyzer, companies, context);
        }
        try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(websiteOptions, context.clock())) {
            return WebsiteScan.run(analyzer, companies, context);
        }
    }

    private static void add(ObjectNode sources, List<DetectedSignal> found, String name, Scan scan) {
        sources.set(name, scan.report());
        found.addAll(scan.signals());
    }

    private static ObjectNode output(
            ScoutSettings settings,
            int companies,
            List<DetectedSignal> kept,
            BuyingSignals.Recorded recorded,
            int belowThreshold,
            ObjectNode sources) {
        Map<SignalType, Integer> byType = new EnumMap<>(SignalType.class);
        kept.forEach(signal -> byType.merge(signal.type(), 1, Integer::sum));
        ObjectNode output = Json.object();
        output.put("companies_checked", companies);
        output.put("signals_detected", kept.size());
        output.put("signals_created", recorded.ofExecution());
        output.put("below_threshold", belowThreshold);
        ObjectNode types = output.putObject("by_type");
        Map<String, Integer> ordered = new LinkedHashMap<>();
        byType.forEach((type, count) -> ordered.put(type.value(), count));
        ordered.forEach(types::put);
        output.put("threshold", settings.threshold());
        output.put("lookback_days", settings.lookbackDays());
        ArrayNode wanted = output.putArray("signals");
        for (SignalType type : SignalType.values()) {
            if (settings.wants(type)) {
                wanted.add(type.value());
            }
        }
        output.set("sources", sources);
        return output;
    }

    private static String typeList(ScoutSettings settings) {
        List<String> types = new ArrayList<>();
        for (SignalType type : SignalType.values()) {
            if (settings.wants(type)) {
                types.add(type.value());
            }
        }
        return String.join(", ", types);
    }
}
