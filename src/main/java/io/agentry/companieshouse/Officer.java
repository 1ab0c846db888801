package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * One item of {@code GET /company/{n}/officers}.
 *
 * @param name as registered, usually {@code "SURNAME, Forenames"}
 * @param officerRole {@code director}, {@code secretary}, {@code llp-member}, {@code
 *     llp-designated-member}, {@code corporate-director}, …
 * @param resignedOn null while the officer is in post
 * @param dateOfBirth month and year only, as the API publishes; null for corporate officers
 */
public record Officer(
        @JsonProperty("name") String name,
        @JsonProperty("officer_role") String officerRole,
        @JsonProperty("appointed_on") LocalDate appointedOn,
        @JsonProperty("resigned_on") LocalDate resignedOn,
        @JsonProperty("occupation") String occupation,
        @JsonProperty("nationality") String nationality,
        @JsonProperty("date_of_birth") DateOfBirth dateOfBirth,
        @JsonProperty("links") Links links) {

    @JsonIgnore
    public boolean isActive() {
        return resignedOn == null;
    }

    public record DateOfBirth(
            @JsonProperty("month") int month,
            @JsonProperty("year") int year) {}

    /** {@code links.officer.appointments}: the API path of the officer's other appointments. */
    public record Links(@JsonProperty("officer") OfficerLinks officer) {}

    public record OfficerLinks(@JsonProperty("appointments") String appointments) {}
}
