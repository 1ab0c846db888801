package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * One item of {@code GET /company/{n}/filing-history}.
 *
 * @param category {@code accounts}, {@code confirmation-statement}, {@code capital}, {@code
 *     officers}, {@code incorporation}, {@code mortgage}, …
 * @param date when the filing was registered
 * @param type the form: {@code AA} accounts, {@code CS01} confirmation statement, {@code SH01}
 *     allotment of shares, {@code AP01} director appointed, {@code TM01} director terminated, …
 * @param description a key for the API's description text, such as {@code
 *     accounts-with-accounts-type-micro-entity}
 */
public record Filing(
        @JsonProperty("category") String category,
        @JsonProperty("date") LocalDate date,
        @JsonProperty("type") String type,
        @JsonProperty("description") String description,
        @JsonProperty("transaction_id") String transactionId) {}
