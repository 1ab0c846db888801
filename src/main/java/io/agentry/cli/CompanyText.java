package io.agentry.cli;

import io.agentry.company.CompanyDetails;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** One company as text: labelled lines, and only what the catalogue knows. */
final class CompanyText {
    private final StringBuilder text = new StringBuilder();

    private CompanyText() {}

    static String of(CompanyDetails c) {
        CompanyText t = new CompanyText();
        t.text.append(c.name())
                .append(" (")
                .append(c.companyNumber())
                .append(')')
                .append(System.lineSeparator());
        t.line("Status", c.status());
        t.line("Type", c.companyType());
        t.line("Incorporated", c.incorporationDate());
        t.line("Dissolved", c.dissolutionDate());
        for (CompanyDetails.Sic sic : c.sic()) {
            t.line("SIC", sic.code() + (sic.description() == null ? "" : " " + sic.description()));
        }
        CompanyDetails.Address a = c.registeredAddress();
        t.line(
                "Address",
                java.util.stream.Stream.of(
                                a.addressLine1(), a.addressLine2(), a.postTown(), a.county(), a.postcode(), a.country())
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(", ")));
        t.line("Region", c.region());
        t.line("Accounts", c.accounts().category());
        t.line("Accounts due", c.accounts().nextDue());
        t.line("Statement due", c.accounts().confirmationStatementNextDue());
        if (c.size() != null) {
            t.line("Size", size(c.size()));
        }
        t.line(
                "Employees",
                c.employeeCount() == null ? null : c.employeeCount() + " (" + c.employeeCountSource() + ")");
        t.line("Website", c.website());
        t.line("Tech stack", c.techStack().isEmpty() ? null : String.join(", ", c.techStack()));
        t.line("Officers", c.officersCount());
        t.line("Filings", c.filingCount());
        t.line("PSCs", c.pscCount());
        for (CompanyDetails.Psc psc : c.personsWithSignificantControl()) {
            t.line("  control", psc.name() + " (" + String.join(", ", psc.naturesOfControl()) + ")");
        }
        t.line("Enriched", c.enrichedAt());
        t.line("Updated", c.updatedAt());
        return t.text.toString();
    }

    /** "micro, 0–10 employees, turnover up to £1,000,000 (estimate: …)"; "dormant, no employees, no turnover (…)". */
    private static String size(CompanyDetails.SizeEstimate size) {
        String employees = size.employeesMax() == null
                ? size.employeesMin() + "+ employees"
                : size.employeesMax() == 0
                        ? "no employees"
                        : size.employeesMin() + "–" + size.employeesMax() + " employees";
        String turnover = size.turnoverMaxGbp() == null
                ? ""
                : size.turnoverMaxGbp() == 0
                        ? ", no turnover"
                        : String.format(Locale.ROOT, ", turnover up to £%,d", size.turnoverMaxGbp());
        return size.band() + ", " + employees + turnover + " (estimate: " + size.source() + ")";
    }

    private void line(String label, Object value) {
        if (value != null) {
            text.append(String.format(Locale.ROOT, "  %-14s %s%n", label + ":", value));
        }
    }
}
