package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.AgentContext;
import io.agentry.agent.Insight;
import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.companieshouse.CompaniesHouseException;
import io.agentry.companieshouse.FilingHistory;
import io.agentry.companieshouse.Officers;
import io.agentry.signal.DetectedSignal;
import io.agentry.signal.FilingSignals;
import io.agentry.signal.MonitoredCompany;
import io.agentry.signal.OfficerSignals;
import io.agentry.signal.SignalType;
import io.agentry.support.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Companies House part of a scout run: each company's filing history (for filings and share
 * allotments) and officers (for appointments and resignations), asked only for the types wanted.
 * A company the register does not know is counted, not an error. A failed call is recorded for its
 * company and the run goes on to the next, except when the API refuses the key: then every call
 * would fail, and the rest are not made.
 */
final class CompaniesHouseScan {
    private static final Logger log = LoggerFactory.getLogger(CompaniesHouseScan.class);
    /** How many failures the report spells out; the count covers all. */
    private static final int ERRORS_SHOWN = 10;

    private CompaniesHouseScan() {}

    static Scan run(
            Optional<CompaniesHouseClient> configured,
            List<MonitoredCompany> companies,
            ScoutSettings settings,
            LocalDate since,
            AgentContext context)
            throws InterruptedException {
        boolean filings = settings.wantsAny(SignalType.COMPANIES_HOUSE_FILING, SignalType.FUNDING_ROUND);
        boolean officers = settings.wants(SignalType.EXECUTIVE_CHANGE);
        if (!filings && !officers) {
            return Scan.notRequested();
        }
        if (configured.isEmpty()) {
            context.stream().insight(notConfigured());
            return Scan.skipped(CompaniesHouseClient.NOT_CONFIGURED);
        }
        CompaniesHouseClient client = configured.get();
        int pageSize = client.options().pageSize();
        List<DetectedSignal> signals = new ArrayList<>();
        int checked = 0;
        int notFound = 0;
        int failed = 0;
        ArrayNode errors = Json.MAPPER.createArrayNode();
        String stoppedBecause = null;
        for (MonitoredCompany company : companies) {
            context.checkpoint();
            try {
                boolean found = false;
                if (filings) {
                    Optional<FilingHistory> history = client.filingHistory(company.companyNumber());
                    meterPages(context, history.map(h -> h.items().size()), pageSize);
                    history.ifPresent(h -> signals.addAll(FilingSignals.detect(company, h, since)));
                    found = history.isPresent();
                }
                if (officers) {
                    Optional<Officers> list = client.officers(company.companyNumber());
                    meterPages(context, list.map(o -> o.items().size()), pageSize);
                    list.ifPresent(o -> signals.addAll(OfficerSignals.detect(company, o, since)));
                    found = found || list.isPresent();
                }
                checked++;
                if (!found) {
                    notFound++;
                }
            } catch (CompaniesHouseException e) {
                for (int i = 0; i < e.attempts(); i++) {
                    context.meter().apiCall();
                }
                if (e.kind() == CompaniesHouseException.Kind.INTERRUPTED) {
                    throw new InterruptedException(e.getMessage());
                }
                failed++;
                log.warn("Companies House failed for company {}: {}", company.companyNumber(), e.getMessage());
                if (errors.size() < ERRORS_SHOWN) {
                    errors.addObject()
                            .put("company_number", company.companyNumber())
                            .put("kind", e.kind().name().toLowerCase(Locale.ROOT))
                            .put("error", e.getMessage());
                }
                if (e.kind() == CompaniesHouseException.Kind.API_KEY_REFUSED) {
                    stoppedBecause = e.getMessage();
                    context.stream().insight(keyRefused(e.getMessage(), context));
                    break;
                }
            }
        }
        ObjectNode report = Json.object();
        report.put("status", stoppedBecause == null ? "checked" : "stopped");
        if (stoppedBecause != null) {
            report.put("reason", stoppedBecause);
        }
        report.put("companies_checked", checked);
        report.put("not_on_register", notFound);
        report.put("failed", failed);
        report.set("errors", errors);
        return new Scan(signals, report);
    }

    /** One request per page: the client reads every page of a list, 404s and empty lists in one. */
    private static void meterPages(AgentContext context, Optional<Integer> items, int pageSize) {
        int pages = Math.max(1, (items.orElse(0) + pageSize - 1) / pageSize);
        for (int i = 0; i < pages; i++) {
            context.meter().apiCall();
        }
    }

    private static Insight keyRefused(String error, AgentContext context) {
        LocalDate today = LocalDate.ofInstant(context.clock().now(), ZoneOffset.UTC);
        return new Insight(
                Insight.Type.RISK_ALERT,
                "Companies House refused the API key: filings and officer changes were not checked",
                error + ". Check " + CompaniesHouseClient.API_KEY_VARIABLE + ".",
                Insight.Severity.WARNING,
                Json.object().put("source", "companies_house").put("error", error),
                true,
                // Once a day: a key that stays wrong is not news every run.
                "scout:companies_house:key_refused:" + today);
    }

    private static Insight notConfigured() {
        return new Insight(
                Insight.Type.OPTIMIZATION_SUGGESTION,
                "Companies House not configured: filings and officer changes are not monitored",
                CompaniesHouseClient.NOT_CONFIGURED
                        + " to detect new filings, share allotments and director changes of this stream's companies.",
                Insight.Severity.WARNING,
                Json.object().put("source", "companies_house").put("status", "skipped"),
                true,
                "scout:companies_house:not_configured");
    }
}
