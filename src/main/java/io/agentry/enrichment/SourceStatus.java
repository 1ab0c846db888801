package io.agentry.enrichment;

import java.util.Locale;

/** How one source went for one company, as {@code companies.enrichment.<source>.status} says. */
public enum SourceStatus {
    /** The source answered and what it said is stored. */
    OK,
    /** The source answered that it knows nothing of the company (Companies House's 404). */
    NOT_FOUND,
    /** The source was not asked, and the reason says why (no API key, no website known, …). */
    SKIPPED,
    /** The source was asked and failed; the reason says how. Tried again when the company is next due. */
    FAILED,
    /** The source could not be asked within its rate limit this run; the company comes first next run. */
    DEFERRED;

    /** The stored value: {@code not_found}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
