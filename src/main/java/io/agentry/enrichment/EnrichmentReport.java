package io.agentry.enrichment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one enrichment run did, counted as it went.
 *
 * @param due the stream's companies that were due when the run began (the batch may hold fewer)
 * @param processed companies this run stored a result for, whatever each source said
 * @param enriched companies for which the Companies House API or the website answered with facts
 * @param itemsUpdated the stream's items brought up to date with their company's enrichment
 * @param companiesHouseConfigured whether a Companies House API key is configured
 * @param companiesHouseRequests requests this run sent to the Companies House API, retries included
 * @param companiesHouse how the Companies House step went, per company
 * @param websites how the website step went, per company that ran it
 * @param estimates how the size estimate went, per company
 * @param streamCompanies the stream's active company items when the run ended
 * @param streamCompaniesEnriched those of them enriched within the stale limit
 */
public record EnrichmentReport(
        long due,
        int processed,
        int enriched,
        int itemsUpdated,
        boolean companiesHouseConfigured,
        long companiesHouseRequests,
        Map<SourceStatus, Integer> companiesHouse,
        Map<SourceStatus, Integer> websites,
        Map<SourceStatus, Integer> estimates,
        long streamCompanies,
        long streamCompaniesEnriched) {

    public EnrichmentReport {
        companiesHouse = Map.copyOf(companiesHouse);
        websites = Map.copyOf(websites);
        estimates = Map.copyOf(estimates);
    }

    public int companiesHouse(SourceStatus status) {
        return companiesHouse.getOrDefault(status, 0);
    }

    public int websites(SourceStatus status) {
        return websites.getOrDefault(status, 0);
    }

    public int estimates(SourceStatus status) {
        return estimates.getOrDefault(status, 0);
    }

    /** The execution's {@code output_data}: {@code items_updated}, {@code enriched_count} and the counts per source. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object()
                .put("items_updated", itemsUpdated)
                .put("enriched_count", enriched)
                .put("companies_due", due)
                .put("companies_processed", processed)
                .put("companies_left", due - processed);
        ObjectNode companiesHouseJson = counts(companiesHouse)
                .put("configured", companiesHouseConfigured)
                .put("requests", companiesHouseRequests);
        json.set("companies_house", companiesHouseJson);
        json.set("website", counts(websites));
        json.set("estimates", counts(estimates));
        json.put("stream_companies", streamCompanies).put("stream_companies_enriched", streamCompaniesEnriched);
        return json;
    }

    private static ObjectNode counts(Map<SourceStatus, Integer> counts) {
        ObjectNode json = Json.object();
        for (SourceStatus status : SourceStatus.values()) {
            json.put(status.value(), counts.getOrDefault(status, 0));
        }
        return json;
    }

    /** Counts per status, as a batch is stored. */
    static final class Tally {
        int processed;
        int enriched;
        final Map<SourceStatus, Integer> companiesHouse = new EnumMap<>(SourceStatus.class);
        final Map<SourceStatus, Integer> websites = new EnumMap<>(SourceStatus.class);
        final Map<SourceStatus, Integer> estimates = new EnumMap<>(SourceStatus.class);

        void add(CompanyEnrichment company) {
            processed++;
            if (company.enriched()) {
                enriched++;
            }
            companiesHouse.merge(company.companiesHouse().status(), 1, Integer::sum);
            if (company.website() != null) {
                websites.merge(company.website().status(), 1, Integer::sum);
            }
            estimates.merge(company.estimate().status(), 1, Integer::sum);
        }
    }
}
