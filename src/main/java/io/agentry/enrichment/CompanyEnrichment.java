package io.agentry.enrichment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.time.Instant;

/**
 * Everything one run learnt about one company, and the row of the batch update that stores it
 * (see {@link EnrichmentRepository#save}). Each source that ran this time replaces its own entry
 * of {@code companies.enrichment}; the entries of sources that did not run are kept.
 *
 * @param website null when the website step did not run this time (a company due only for its
 *     deferred Companies House step)
 */
record CompanyEnrichment(
        DueCompany company, CompaniesHouseResult companiesHouse, WebsiteResult website, Estimate estimate, Instant at) {

    /** Whether a source answered with facts about the company (estimates are not news: they follow from held data). */
    boolean enriched() {
        return companiesHouse.ok() || (website != null && website.ok());
    }

    /** The row for {@code jsonb_to_recordset}: the keys are the columns of {@link EnrichmentRepository#SAVE}. */
    ObjectNode row() {
        String time = at.toString();
        ObjectNode enrichment = Json.object();
        enrichment.set("companies_house", companiesHouse.toJson().put("at", time));
        if (website != null) {
            enrichment.set("website", website.toJson().put("at", time));
        }
        enrichment.set("estimates", estimate.toJson().put("at", time));

        ObjectNode row = Json.object().put("id", company.id());
        row.set("enrichment", enrichment);
        row.put("companies_house_ok", companiesHouse.ok());
        if (companiesHouse.ok()) {
            row.put("officers_count", companiesHouse.facts().officersActive())
                    .put("filing_count", companiesHouse.facts().filingCount())
                    .put("psc_count", companiesHouse.facts().pscActive());
        }
        boolean websiteOk = website != null && website.ok();
        row.put("website_ok", websiteOk);
        if (websiteOk) {
            ArrayNode techStack = row.putArray("tech_stack");
            website.techStack().forEach(techStack::add);
            row.set("social_links", website.socialLinks());
            row.put("description", Json.textForDatabase(website.analysis().description()));
        }
        row.put("employee_count", estimate.employeeCount())
                .put("employee_count_source", estimate.employeeCount() == null ? null : estimate.source())
                .put("revenue_estimate_gbp", estimate.revenueGbp())
                .put("revenue_source", estimate.revenueGbp() == null ? null : estimate.source());
        row.put("full_run", !company.companiesHouseOnly());
        row.put("enriched_at", time);
        return row;
    }
}
