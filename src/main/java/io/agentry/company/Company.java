package io.agentry.company;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;

/** A company of the catalogue, as a search lists it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Company(
        String companyNumber,
        String name,
        String status,
        String companyType,
        LocalDate incorporationDate,
        List<String> sicCodes,
        String postTown,
        String postcode,
        String region,
        String sizeBand,
        Integer employeesMin,
        Integer employeesMax,
        String website) {}
