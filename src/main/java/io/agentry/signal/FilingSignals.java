package io.agentry.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.companieshouse.Filing;
import io.agentry.companieshouse.FilingHistory;
import io.agentry.support.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signals in a company's Companies House filing history: each filing registered on or after the
 * start of the lookback window is one. An allotment of shares ({@code SH01}) is a {@code
 * funding_round}; every other filing a {@code companies_house_filing}, as confident as its
 * category says something is changing (docs/signals.md has the table). The source reference is the
 * filing's transaction id, which the register never reuses.
 */
public final class FilingSignals {
    static final int SHARE_ALLOTMENT = 80;
    static final int NEW_CHARGE = 70;
    static final int OTHER = 40;

    /** Confidence by filing category, for filings other than SH01 and MR01. */
    static final Map<String, Integer> BY_CATEGORY = Map.ofEntries(
            Map.entry("incorporation", 75),
            Map.entry("capital", 60),
            Map.entry("change-of-name", 60),
            Map.entry("address", 60),
            Map.entry("persons-with-significant-control", 55),
            Map.entry("resolution", 55),
            Map.entry("accounts", 50),
            Map.entry("mortgage", 50),
            Map.entry("officers", 45),
            Map.entry("confirmation-statement", 35));

    private FilingSignals() {}

    /** The signals of the filings registered on or after {@code since}. */
    public static List<DetectedSignal> detect(MonitoredCompany company, FilingHistory history, LocalDate since) {
        List<DetectedSignal> signals = new ArrayList<>();
        for (Filing filing : history.items()) {
            if (filing.date() == null || filing.date().isBefore(since)) {
                continue;
            }
            boolean allotment = "SH01".equalsIgnoreCase(filing.type());
            signals.add(DetectedSignal.of(
                    company.id(),
                    allotment ? SignalType.FUNDING_ROUND : SignalType.COMPANIES_HOUSE_FILING,
                    allotment ? SHARE_ALLOTMENT : confidence(filing),
                    data(company, filing),
                    sourceRef(filing),
                    filing.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return signals;
    }

    static int confidence(Filing filing) {
        if ("MR01".equalsIgnoreCase(filing.type())) {
            return NEW_CHARGE;
        }
        return filing.category() == null ? OTHER : BY_CATEGORY.getOrDefault(filing.category(), OTHER);
    }

    private static String sourceRef(Filing filing) {
        return filing.transactionId() != null && !filing.transactionId().isBlank()
                ? "filing:" + filing.transactionId()
                : "filing:" + filing.type() + ":" + filing.date();
    }

    private static ObjectNode data(MonitoredCompany company, Filing filing) {
        ObjectNode data = Json.object();
        data.put("source", "companies_house_filing_history");
        data.put("company_number", company.companyNumber());
        data.put("form", filing.type());
        data.put("category", filing.category());
        data.put("description", filing.description());
        data.put("date", filing.date().toString());
        data.put("transaction_id", filing.transactionId());
        return data;
    }
}
