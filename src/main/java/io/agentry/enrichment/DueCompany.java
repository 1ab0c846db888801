package io.agentry.enrichment;

/**
 * A company of the stream that a run enriches.
 *
 * @param website the website the catalogue holds; null when none is known
 * @param accountsCategory the snapshot's accounts category; null when none
 * @param companiesHouseOnly true when the company was enriched recently and is due only because
 *     its Companies House step was deferred: then only that step (and the estimates that follow
 *     from it) runs again
 */
record DueCompany(long id, String companyNumber, String website, String accountsCategory, boolean companiesHouseOnly) {}
