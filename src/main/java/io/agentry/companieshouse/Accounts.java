package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/** The {@code accounts} of a company profile. */
public record Accounts(
        @JsonProperty("next_due") LocalDate nextDue,
        @JsonProperty("overdue") boolean overdue,
        @JsonProperty("last_accounts") LastAccounts lastAccounts) {

    /**
     * @param type as the API spells it: {@code full}, {@code small}, {@code micro-entity},
     *     {@code total-exemption-full}, {@code dormant}, {@code group}, …
     */
    public record LastAccounts(
            @JsonProperty("made_up_to") LocalDate madeUpTo,
            @JsonProperty("type") String type) {}
}
