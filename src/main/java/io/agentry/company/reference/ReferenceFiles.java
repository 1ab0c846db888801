package io.agentry.company.reference;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads each reference file from the override directory when it holds a file of that name, else
 * from the bundled resource. An override replaces the bundled file entirely (rows are not
 * merged), so what a user sees in their file is all there is.
 */
final class ReferenceFiles {
    private static final String BUNDLED = "reference/";

    /** Null when only the bundled files are read. */
    private final Path overrideDirectory;

    private ReferenceFiles(Path overrideDirectory) {
        this.overrideDirectory = overrideDirectory;
    }

    static ReferenceFiles bundled() {
        return new ReferenceFiles(null);
    }

    static ReferenceFiles overriddenBy(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ReferenceDataException("reference directory " + directory
                    + (Files.exists(directory) ? " is not a directory" : " does not exist"));
        }
        refuseStrayFiles(directory);
        return new ReferenceFiles(directory);
    }

    /**
     * A CSV file that is not a reference file is most likely a misspelt one ("industry.csv"),
     * which would otherwise be ignored without a word while the bundled file is used.
     */
    private static void refuseStrayFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> stray = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(name -> ReferenceFile.named(name).isEmpty())
                    .sorted()
                    .toList();
            if (!stray.isEmpty()) {
                throw new ReferenceDataException("reference directory " + directory + " holds "
                        + String.join(", ", stray) + ", which is not a reference file; the reference files are "
                        + String.join(", ", ReferenceFile.fileNames()));
            }
        } catch (IOException e) {
            throw new ReferenceDataException("cannot list reference directory " + directory + ": " + e, e);
        }
    }

    List<ReferenceRow> rows(ReferenceFile file) {
        if (overrideDirectory != null) {
            Path path = overrideDirectory.resolve(file.fileName());
            if (Files.isRegularFile(path)) {
                try (CsvReader<CsvRecord> csv = reader().ofCsvRecord(path, StandardCharsets.UTF_8)) {
                    return read(file, path.toString(), csv);
                } catch (IOException e) {
                    throw new ReferenceDataException("cannot read " + path + ": " + e, e);
                }
            }
        }
        String resource = BUNDLED + file.fileName();
        InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ReferenceDataException("bundled " + resource + " is missing from the classpath");
        }
        try (CsvReader<CsvRecord> csv = reader().ofCsvRecord(in, StandardCharsets.UTF_8)) {
            return read(file, "bundled " + resource, csv);
        } catch (IOException e) {
            throw new ReferenceDataException("cannot read bundled " + resource + ": " + e, e);
        }
    }

    /**
     * Field counts are checked here rather than by FastCSV, so that the message names the
     * columns; a byte order mark (as spreadsheet programs write) is skipped.
     */
    private static CsvReader.CsvReaderBuilder reader() {
        return CsvReader.builder()
                .detectBomHeader(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true);
    }

    private static List<ReferenceRow> read(ReferenceFile file, String name, CsvReader<CsvRecord> csv) {
        try {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new ReferenceDataException(name + ": the file is empty; its first line must be the header "
                        + String.join(",", file.columns()));
            }
            List<String> columns = header(file, name, records.next());
            List<ReferenceRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (record.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (record.getFieldCount() != columns.size()) {
                    throw new ReferenceDataException(name + ", line " + record.getStartingLineNumber() + ": "
                            + record.getFieldCount() + " fields, but the header has " + columns.size() + " ("
                            + String.join(",", columns) + ")");
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    String field = record.getField(i);
                    if (field.contains("\n") || field.contains("\r")) {
                        // FastCSV reads a quote that is never closed as a field running to the
                        // end of the file, which would drop every line after it without a word.
                        throw new ReferenceDataException(name + ", line " + record.getStartingLineNumber()
                                + ": the " + columns.get(i)
                                + " field runs onto the next line; is a closing quote missing?");
                    }
                    fields.put(columns.get(i), field.strip());
                }
                rows.add(new ReferenceRow(name, record.getStartingLineNumber(), fields));
            }
            return rows;
        } catch (CsvParseException e) {
            String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
            throw new ReferenceDataException(name + ": not valid CSV: " + e.getMessage() + cause, e);
        } catch (UncheckedIOException e) {
            throw new ReferenceDataException("cannot read " + name + ": " + e.getCause(), e);
        }
    }

    private static List<String> header(ReferenceFile file, String name, CsvRecord header) {
        String where = name + ", line " + header.getStartingLineNumber() + ": ";
        List<String> columns = header.getFields().stream()
                .map(column -> column.strip().toLowerCase(Locale.ROOT))
                .toList();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!file.knows(column)) {
                throw new ReferenceDataException(where + "unknown column \"" + column + "\"; the columns are "
                        + String.join(",", file.columns()));
            }
            if (!seen.add(column)) {
                throw new ReferenceDataException(where + "column \"" + column + "\" appears twice");
            }
        }
        for (String column : file.required()) {
            if (!seen.contains(column)) {
                throw new ReferenceDataException(where + "the header has no " + column
                        + " column; the first line must be " + String.join(",", file.columns()));
            }
        }
        return columns;
    }
}
