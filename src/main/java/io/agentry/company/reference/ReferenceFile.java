package io.agentry.company.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reference files and their columns. A file must have every required column; an optional
 * column may be left out. Any other column is refused, so a misspelt optional column is caught
 * instead of silently read as empty.
 */
enum ReferenceFile {
    SIC_SECTIONS("sic-sections.csv", List.of("section", "title"), List.of()),
    SIC_DIVISIONS("sic-divisions.csv", List.of("division", "section", "title"), List.of()),
    INDUSTRIES("industries.csv", List.of("label", "sic"), List.of("aliases", "note")),
    POSTCODE_AREAS("postcode-areas.csv", List.of("area", "name", "region"), List.of()),
    LOCATIONS("locations.csv", List.of("label"), List.of("regions", "postcode_areas", "note")),
    SIZE_THRESHOLDS(
            "size-thresholds.csv",
            List.of("band", "employees_min", "employees_max", "turnover_max_gbp", "source"),
            List.of()),
    SIZE_BANDS(
            "size-bands.csv",
            List.of("accounts_category", "band", "employees_min", "employees_max", "turnover_max_gbp", "source"),
            List.of("note"));

    private final String fileName;
    private final List<String> required;
    private final List<String> optional;

    ReferenceFile(String fileName, List<String> required, List<String> optional) {
        this.fileName = fileName;
        this.required = required;
        this.optional = optional;
    }

    String fileName() {
        return fileName;
    }

    List<String> required() {
        return required;
    }

    boolean knows(String column) {
        return required.contains(column) || optional.contains(column);
    }

    List<String> columns() {
        return Stream.concat(required.stream(), optional.stream()).toList();
    }

    static Optional<ReferenceFile> named(String fileName) {
        return Arrays.stream(values())
                .filter(file -> file.fileName.equals(fileName))
                .findFirst();
    }

    static List<String> fileNames() {
        return Arrays.stream(values()).map(ReferenceFile::fileName).toList();
    }
}
