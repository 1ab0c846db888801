package io.agentry.company;

import java.time.LocalDate;
import java.util.List;

/** One company of the Companies House snapshot, as the catalogue stores it. */
record SnapshotRow(
        String companyNumber,
        String name,
        String status,
        String companyType,
        LocalDate incorporationDate,
        LocalDate dissolutionDate,
        List<String> sicCodes,
        String addressLine1,
        String addressLine2,
        String postTown,
        String county,
        String country,
        String postcode,
        String postcodeArea,
        String region,
        String accountsCategory,
        LocalDate accountsNextDue,
        LocalDate accountsLastMadeUp,
        LocalDate confirmationStatementNextDue,
        LocalDate confirmationStatementLastMadeUp,
        String sizeBand,
        Integer employeesMin,
        Integer employeesMax,
        Long turnoverMaxGbp,
        String sizeSource) {}
