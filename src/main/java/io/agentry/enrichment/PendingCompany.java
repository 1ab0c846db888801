package io.agentry.enrichment;

/**
 * A company whose sources are under way: its Companies House and website results arrive, in
 * either order and on any thread, and whoever delivers the second one gets the company back,
 * complete. A source that does not run for the company is delivered at once, as skipped or
 * (the website of a company due only for Companies House) as null.
 */
final class PendingCompany {
    private final DueCompany company;
    private CompaniesHouseResult companiesHouse;
    private WebsiteResult website;
    private int missing = 2;

    PendingCompany(DueCompany company) {
        this.company = company;
    }

    DueCompany company() {
        return company;
    }

    /** True when this was the last result missing. */
    synchronized boolean companiesHouse(CompaniesHouseResult result) {
        companiesHouse = result;
        return --missing == 0;
    }

    /** True when this was the last result missing; {@code result} is null when the website step does not run. */
    synchronized boolean website(WebsiteResult result) {
        website = result;
        return --missing == 0;
    }

    synchronized CompaniesHouseResult companiesHouseResult() {
        return companiesHouse;
    }

    synchronized WebsiteResult websiteResult() {
        return website;
    }
}
