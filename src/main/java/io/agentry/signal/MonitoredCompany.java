package io.agentry.signal;

/**
 * A catalogue company whose signals are looked for.
 *
 * @param id {@code companies.id}
 * @param companyNumber the registered number, for Companies House
 * @param name the registered name, for news
 * @param website the company's site, for its careers page; null when unknown
 */
public record MonitoredCompany(long id, String companyNumber, String name, String website) {}
