package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/** The {@code confirmation_statement} of a company profile. */
public record ConfirmationStatement(
        @JsonProperty("next_due") LocalDate nextDue,
        @JsonProperty("overdue") boolean overdue,
        @JsonProperty("last_made_up_to") LocalDate lastMadeUpTo) {}
