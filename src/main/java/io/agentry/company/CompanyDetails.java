package io.agentry.company;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the catalogue holds about one company. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CompanyDetails(
        String companyNumber,
        String name,
        String status,
        String companyType,
        LocalDate incorporationDate,
        LocalDate dissolutionDate,
        List<Sic> sic,
        Address registeredAddress,
        String postcodeArea,
        String region,
        Accounts accounts,
        SizeEstimate size,
        String website,
        String description,
        Integer employeeCount,
        String employeeCountSource,
        Long revenueEstimateGbp,
        String revenueSource,
        JsonNode socialLinks,
        List<String> techStack,
        Integer officersCount,
        Integer filingCount,
        Integer pscCount,
        List<Psc> personsWithSignificantControl,
        JsonNode enrichment,
        Instant enrichedAt,
        Instant updatedAt) {

    /** A SIC code with the description the snapshot gave it (null if never seen). */
    public record Sic(String code, String description) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(
            String addressLine1,
            String addressLine2,
            String postTown,
            String county,
            String country,
            String postcode) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Accounts(
            String category,
            LocalDate nextDue,
            LocalDate lastMadeUp,
            LocalDate confirmationStatementNextDue,
            LocalDate confirmationStatementLastMadeUp) {}

    /** The size implied by the accounts category: an estimate, with where it comes from. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SizeEstimate(
            String band, Integer employeesMin, Integer employeesMax, Long turnoverMaxGbp, String source) {}

    /** A person or entity with significant control whose control has not ceased. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Psc(String kind, String name, List<String> naturesOfControl, LocalDate notifiedOn) {}
}
