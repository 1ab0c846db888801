package io.agentry.company;

import io.agentry.company.SnapshotColumns.Field;
import io.agentry.company.reference.ReferenceData;
import io.agentry.company.reference.SizeEstimate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a line of the snapshot into a {@link SnapshotRow}. A line without a usable company number
 * or name, or with the wrong number of fields, is skipped; a bad date or SIC entry only empties that
 * field. Along the way it adds the SIC codes it sees, with their descriptions, to a map.
 */
final class SnapshotParser {
    private static final String NO_SIC = "None Supplied";

    private final SnapshotColumns columns;
    private final ReferenceData reference;
    private final String file;
    private final Consumer<ImportProblem> problems;
    private final Map<String, String> sicDescriptions;

    SnapshotParser(
            SnapshotColumns columns,
            ReferenceData reference,
            String file,
            Map<String, String> sicDescriptions,
            Consumer<ImportProblem> problems) {
        this.columns = columns;
        this.sicDescriptions = sicDescriptions;
        this.reference = reference;
        this.file = file;
        this.problems = problems;
    }

    /** The row, or empty when the line cannot be used (the reason is reported). */
    Optional<SnapshotRow> parse(SnapshotLines.Line record) {
        long line = record.number();
        if (record.fieldCount() != columns.width()) {
            return reportSkipped(line, "has " + record.fieldCount() + " fields, the header has " + columns.width());
        }
        String rawNumber = record.field(columns.position(Field.NUMBER));
        Optional<String> number = CompanyNumber.normalise(rawNumber);
        if (number.isEmpty()) {
            return reportSkipped(
                    line,
                    rawNumber.isBlank()
                            ? "CompanyNumber is empty"
                            : "CompanyNumber \"" + rawNumber + "\" is not a company number (8 letters or digits)");
        }
        String name = text(record, Field.NAME);
        if (name == null) {
            return reportSkipped(line, "CompanyName is empty");
        }
        String postcode = text(record, Field.POSTCODE);
        // The area is parsed from the postcode once; the region follows from it.
        String area = postcode == null
                ? null
                : reference.regions().postcodeArea(postcode).orElse(null);
        String accountsCategory = text(record, Field.ACCOUNTS_CATEGORY);
        SizeEstimate size = accountsCategory == null
                ? null
                : reference.sizeBands().forCategory(accountsCategory).orElse(null);
        return Optional.of(new SnapshotRow(
                number.get(),
                name,
                text(record, Field.STATUS),
                text(record, Field.CATEGORY),
                date(record, Field.INCORPORATION_DATE, line),
                date(record, Field.DISSOLUTION_DATE, line),
                sicCodes(record, line),
                text(record, Field.ADDRESS_LINE_1),
                text(record, Field.ADDRESS_LINE_2),
                text(record, Field.POST_TOWN),
                text(record, Field.COUNTY),
                text(record, Field.COUNTRY),
                postcode,
                area,
                reference.regions().regionOfArea(area).orElse(null),
                accountsCategory,
                date(record, Field.ACCOUNTS_NEXT_DUE, line),
                date(record, Field.ACCOUNTS_LAST_MADE_UP, line),
                date(record, Field.CONFIRMATION_NEXT_DUE, line),
                date(record, Field.CONFIRMATION_LAST_MADE_UP, line),
                size == null ? null : size.band(),
                size == null ? null : size.employeesMin(),
                size == null ? null : size.employeesMax(),
                size == null ? null : size.turnoverMaxGbp(),
                size == null ? null : size.source()));
    }

    /** Reports a line as skipped; returns empty, for {@link #parse}. */
    Optional<SnapshotRow> reportSkipped(long line, String reason) {
        problems.accept(new ImportProblem(file, line, ImportProblem.Kind.ROW_SKIPPED, reason));
        return Optional.empty();
    }

    private void leftEmpty(long line, String reason) {
        problems.accept(new ImportProblem(file, line, ImportProblem.Kind.FIELD_LEFT_EMPTY, reason));
    }

    private String text(SnapshotLines.Line record, Field column) {
        String value = record.field(columns.position(column)).strip();
        return value.isEmpty() ? null : value;
    }

    /** A {@code dd/mm/yyyy} date. */
    private LocalDate date(SnapshotLines.Line record, Field column, long line) {
        String value = text(record, column);
        if (value == null) {
            return null;
        }
        if (value.length() == 10 && value.charAt(2) == '/' && value.charAt(5) == '/') {
            try {
                return LocalDate.of(
                        Integer.parseInt(value, 6, 10, 10),
                        Integer.parseInt(value, 3, 5, 10),
                        Integer.parseInt(value, 0, 2, 10));
            } catch (NumberFormatException | DateTimeException e) {
                // reported below
            }
        }
        leftEmpty(line, column.header + " \"" + value + "\" is not a date (dd/mm/yyyy)");
        return null;
    }

    /** {@code "62012 - Business and domestic software development"} gives 62012; "None Supplied" none. */
    private List<String> sicCodes(SnapshotLines.Line record, long line) {
        List<String> codes = new ArrayList<>(Field.SIC_TEXTS.size());
        for (Field column : Field.SIC_TEXTS) {
            String value = text(record, column);
            if (value == null || value.equalsIgnoreCase(NO_SIC)) {
                continue;
            }
            int dash = value.indexOf(" - ");
            String code = (dash < 0 ? value : value.substring(0, dash)).strip();
            if (!isSicCode(code)) {
                leftEmpty(line, column.header + " \"" + value + "\" is not a SIC code (NNNNN - description)");
                continue;
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
            if (dash >= 0 && !sicDescriptions.containsKey(code)) {
                sicDescriptions.put(code, value.substring(dash + 3).strip());
            }
        }
        return codes;
    }

    private static boolean isSicCode(String code) {
        if (code.length() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
