package io.agentry.enrichment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.company.reference.SizeBands;
import io.agentry.company.reference.SizeEstimate;
import io.agentry.support.Json;
import java.util.Locale;

/**
 * A company's employees and turnover as its accounts category allows: a range set by law, never a
 * measurement, so it is stored as an estimate with its source. The category is that of the last
 * accounts Companies House reports when this run asked it, else the snapshot's.
 *
 * <p>Only a range that pins one value (a dormant company: no employees, no turnover) fills the
 * {@code employee_count} and {@code revenue_estimate_gbp} columns, with a source beginning {@value
 * #SOURCE_PREFIX}; a wider range stays in {@code companies.enrichment.estimates}, since a band is
 * never passed off as a count.
 *
 * @param size null unless {@link SourceStatus#OK}
 * @param basis {@code companies_house_profile} or {@code catalogue}; null when no category was known
 */
record Estimate(SourceStatus status, String reason, String basis, String accountsCategory, SizeEstimate size) {
    static final String SOURCE_PREFIX = "estimate: ";

    static Estimate of(SizeBands bands, DueCompany company, CompaniesHouseResult companiesHouse) {
        boolean fromProfile = companiesHouse != null
                && companiesHouse.ok()
                && companiesHouse.facts().lastAccountsType() != null;
        String basis = fromProfile ? "companies_house_profile" : "catalogue";
        String category = fromProfile
                ? companiesHouse.facts().lastAccountsType().replace('-', ' ').toUpperCase(Locale.ROOT)
                : company.accountsCategory();
        if (category == null || category.isBlank()) {
            return new Estimate(SourceStatus.SKIPPED, "no accounts category known", null, null, null);
        }
        return bands.forCategory(category)
                .map(size -> new Estimate(SourceStatus.OK, null, basis, category, size))
                .orElseGet(() -> new Estimate(
                        SourceStatus.SKIPPED,
                        "accounts category " + category + " gives no size estimate",
                        basis,
                        category,
                        null));
    }

    boolean ok() {
        return status == SourceStatus.OK;
    }

    /** {@code employee_count}: the one value the range allows, else null. */
    Integer employeeCount() {
        return ok() && size.employeesMax() != null && size.employeesMax() == size.employeesMin()
                ? size.employeesMin()
                : null;
    }

    /** {@code revenue_estimate_gbp}: the one value the range allows (nothing but zero has a floor), else null. */
    Long revenueGbp() {
        return ok() && size.turnoverMaxGbp() != null && size.turnoverMaxGbp() == 0 ? 0L : null;
    }

    String source() {
        return ok() ? SOURCE_PREFIX + size.source() : null;
    }

    /** The source's entry of {@code companies.enrichment}, without its time. */
    ObjectNode toJson() {
        ObjectNode json = Json.object().put("status", status.value());
        if (reason != null) {
            json.put("reason", reason);
        }
        if (basis != null) {
            json.put("basis", basis).put("accounts_category", accountsCategory);
        }
        if (!ok()) {
            return json;
        }
        json.put("band", size.band());
        json.putObject("employees")
                .put("min", size.employeesMin())
                .put("max", size.employeesMax())
                .put("estimate", true)
                .put("source", size.source());
        json.putObject("revenue_gbp")
                .put("max", size.turnoverMaxGbp())
                .put("estimate", true)
                .put("source", size.source());
        return json;
    }
}
