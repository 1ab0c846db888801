package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.AgentContext;
import io.agentry.signal.CareersSignals;
import io.agentry.signal.DetectedSignal;
import io.agentry.signal.MonitoredCompany;
import io.agentry.support.Json;
import io.agentry.website.WebsiteAnalysis;
import io.agentry.website.WebsiteAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The careers-page part of a scout run: each company with a website has its home page analysed,
 * and the careers page it links to read for open jobs. All the run's sites go through one
 * analyzer, so robots.txt and the one-request-per-host rule hold across them.
 */
final class WebsiteScan {
    private WebsiteScan() {}

    static Scan run(WebsiteAnalyzer analyzer, List<MonitoredCompany> companies, AgentContext context)
            throws InterruptedException {
        Set<String> urls = new LinkedHashSet<>();
        for (MonitoredCompany company : companies) {
            if (hasWebsite(company)) {
                urls.add(company.website().strip());
            }
        }
        context.checkpoint();
        Map<String, WebsiteAnalysis> analyses = analyzer.analyzeAll(urls);
        Instant now = context.clock().now();
        List<DetectedSignal> signals = new ArrayList<>();
        int analyzed = 0;
        int careersPages = 0;
        int jobsCounted = 0;
        ObjectNode failures = Json.object();
        for (WebsiteAnalysis analysis : analyses.values()) {
            // The home page, and the careers page when it was asked for; robots.txt and redirect
            // hops are not counted: the analysis does not report them.
            context.meter().apiCall();
            if (analysis.careersOutcome() != null) {
                context.meter().apiCall();
            }
            if (analysis.analyzed()) {
                analyzed++;
            } else {
                failures.put(analysis.requestedUrl(), analysis.outcome().name().toLowerCase(Locale.ROOT));
            }
            if (analysis.careersUrl() != null) {
                careersPages++;
            }
            if (analysis.jobCount() != null) {
                jobsCounted++;
            }
        }
        for (MonitoredCompany company : companies) {
            if (hasWebsite(company)) {
                CareersSignals.detect(company, analyses.get(company.website().strip()), now)
                        .ifPresent(signals::add);
            }
        }
        ObjectNode report = Json.object();
        report.put("status", "checked");
        report.put("websites", urls.size());
        report.put(
                "without_website",
                companies.stream().filter(c -> !hasWebsite(c)).count());
        report.put("analyzed", analyzed);
        report.put("careers_pages", careersPages);
        report.put("job_counts_read", jobsCounted);
        report.set("not_analyzed", failures);
        return new Scan(signals, report);
    }

    private static boolean hasWebsite(MonitoredCompany company) {
        return company.website() != null && !company.website().isBlank();
    }
}
