package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /company/{company_number}}: the fields Agentry uses; the API sends more, which are
 * ignored.
 *
 * @param companyStatus {@code active}, {@code dissolved}, {@code liquidation}, {@code
 *     administration}, …
 * @param type {@code ltd}, {@code plc}, {@code llp}, {@code private-limited-guarant-nsc}, …
 * @param dateOfCessation when a dissolved company ceased; null otherwise
 * @param sicCodes UK SIC 2007 codes, such as {@code "62020"}; empty when none
 * @param jurisdiction {@code england-wales}, {@code scotland}, {@code northern-ireland}, …
 */
public record CompanyProfile(
        @JsonProperty("company_name") String companyName,
        @JsonProperty("company_number") String companyNumber,
        @JsonProperty("company_status") String companyStatus,
        @JsonProperty("type") String type,
        @JsonProperty("date_of_creation") LocalDate dateOfCreation,
        @JsonProperty("date_of_cessation") LocalDate dateOfCessation,
        @JsonProperty("registered_office_address") Address registeredOfficeAddress,
        @JsonProperty("sic_codes") List<String> sicCodes,
        @JsonProperty("accounts") Accounts accounts,
        @JsonProperty("confirmation_statement") ConfirmationStatement confirmationStatement,
        @JsonProperty("has_charges") boolean hasCharges,
        @JsonProperty("has_insolvency_history") boolean hasInsolvencyHistory,
        @JsonProperty("jurisdiction") String jurisdiction) {

    public CompanyProfile {
        sicCodes = sicCodes == null ? List.of() : List.copyOf(sicCodes);
    }
}
