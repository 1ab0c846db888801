package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One item of {@code GET /company/{n}/charges}: a mortgage or charge over the company's assets.
 *
 * @param status {@code outstanding}, {@code fully-satisfied}, {@code part-satisfied}, …
 * @param satisfiedOn null unless satisfied
 * @param personsEntitled the lenders, by name
 */
public record Charge(
        @JsonProperty("charge_code") String chargeCode,
        @JsonProperty("status") String status,
        @JsonProperty("created_on") LocalDate createdOn,
        @JsonProperty("delivered_on") LocalDate deliveredOn,
        @JsonProperty("satisfied_on") LocalDate satisfiedOn,
        @JsonProperty("classification") Classification classification,
        @JsonProperty("persons_entitled") List<PersonEntitled> personsEntitled) {

    public Charge {
        personsEntitled = personsEntitled == null ? List.of() : List.copyOf(personsEntitled);
    }

    /**
     * @param type {@code charge-description} or {@code nature-of-charge}
     * @param description such as {@code "A registered charge"}
     */
    public record Classification(
            @JsonProperty("type") String type,
            @JsonProperty("description") String description) {}

    public record PersonEntitled(@JsonProperty("name") String name) {}
}
