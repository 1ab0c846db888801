package io.agentry.company;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.agentry.db.BinaryCopy;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports companies' websites from a CSV with the columns {@code company_number} and {@code
 * website}, as users keep them in a CRM (Companies House has no websites): a file, a zip or a
 * folder of them. The whole import is one transaction. A company the catalogue does not hold, a
 * number given twice (the first line is used) or a value that is not a web address is reported
 * with its file and line, and skipped.
 */
public final class WebsiteImport {
    private static final String CREATE_STAGING = """
            CREATE TEMPORARY TABLE websites_import (file text, line bigint, company_number text, website text)
            ON COMMIT DROP""";
    private static final String COPY =
            "COPY websites_import (file, line, company_number, website) FROM STDIN (FORMAT binary)";
    private static final String UNKNOWN = """
            SELECT file, line, company_number FROM websites_import s
            WHERE NOT EXISTS (SELECT 1 FROM companies c WHERE c.company_number = s.company_number)
            ORDER BY file, line""";
    private static final String UPDATE = """
            UPDATE companies c SET website = s.website, updated_at = now()
            FROM websites_import s
            WHERE c.company_number = s.company_number AND c.website IS DISTINCT FROM s.website""";

    private final Database database;
    private final ImportListener listener;
    private final Clock clock;

    public WebsiteImport(Database database, ImportListener listener, Clock clock) {
        this.database = database;
        this.listener = listener;
        this.clock = clock;
    }

    public ImportSummary run(Path path) {
        long started = clock.nanoTime();
        List<ImportPart> parts = ImportPart.parts(path, List.of("csv"));
        long bytesTotal = parts.stream().mapToLong(ImportPart::size).sum();
        Counts counts = new Counts();
        long updated;
        try (Connection connection = database.openDedicated()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_STAGING);
            }
            CompanyNumberSet seen = new CompanyNumberSet();
            for (ImportPart part : parts) {
                stage(connection, part, seen, counts);
            }
            updated = apply(connection, counts);
            connection.commit();
        } catch (SQLException e) {
            throw new ImportException("loading the websites failed: " + e.getMessage(), e);
        }
        listener.progress(new ImportProgress(counts.read, bytesTotal, bytesTotal));
        return new ImportSummary(
                "websites",
                counts.read,
                0,
                updated,
                counts.read - counts.rejected - updated,
                counts.rejected,
                0,
                Duration.ofNanos(clock.nanoTime() - started));
    }

    /** Copies the usable lines of one file into the staging table; reports the others. */
    private void stage(Connection connection, ImportPart part, CompanyNumberSet seen, Counts counts)
            throws SQLException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                        .skipEmptyLines(true)
                        .allowMissingFields(true)
                        .allowExtraFields(true)
                        .detectBomHeader(true)
                        .ofCsvRecord(part.open(new AtomicLong()), StandardCharsets.UTF_8);
                BinaryCopy copy = BinaryCopy.start(connection, COPY)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new ImportException(part.name() + " is empty");
            }
            List<String> header = records.next().getFields().stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT))
                    .toList();
            int numberAt = header.indexOf("company_number");
            int websiteAt = header.indexOf("website");
            if (numberAt < 0 || websiteAt < 0) {
                throw new ImportException(part.name() + " needs a header with the columns company_number and website, "
                        + "has " + String.join(", ", header));
            }
            while (records.hasNext()) {
                CsvRecord record = records.next();
                counts.read++;
                long line = record.getStartingLineNumber();
                try {
                    String number = number(field(record, numberAt));
                    String website = website(field(record, websiteAt));
                    if (!seen.add(number)) {
                        throw new UnusableRow("company " + number + " is already on an earlier line");
                    }
                    copy.row(4).text(part.name()).int8(line).text(number).text(website);
                } catch (UnusableRow e) {
                    counts.rejected++;
                    listener.problem(
                            new ImportProblem(part.name(), line, ImportProblem.Kind.ROW_SKIPPED, e.getMessage()));
                }
            }
            copy.finish();
        } catch (IOException | CsvParseException e) {
            throw new ImportException(part.name() + " could not be read to the end: " + e.getMessage(), e);
        }
    }

    /** Reports the lines naming companies the catalogue does not hold, and sets the others' websites. */
    private long apply(Connection connection, Counts counts) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet unknown = statement.executeQuery(UNKNOWN)) {
                while (unknown.next()) {
                    counts.rejected++;
                    listener.problem(new ImportProblem(
                            unknown.getString(1),
                            unknown.getLong(2),
                            ImportProblem.Kind.ROW_SKIPPED,
                            "company " + unknown.getString(3) + " is not in the catalogue"));
                }
            }
            return statement.executeUpdate(UPDATE);
        }
    }

    private static final class Counts {
        long read;
        long rejected;
    }

    private static String field(CsvRecord record, int index) {
        return index < record.getFieldCount() ? record.getField(index).strip() : "";
    }

    private static String number(String raw) throws UnusableRow {
        return CompanyNumber.normalise(raw)
                .orElseThrow(() -> new UnusableRow(
                        raw.isEmpty() ? "company_number is empty" : "\"" + raw + "\" is not a company number"));
    }

    /** A web address; one without a scheme, as CRMs often hold them, is taken as https. */
    static String website(String raw) throws UnusableRow {
        if (raw.isEmpty()) {
            throw new UnusableRow("website is empty");
        }
        String candidate = raw.contains("://") ? raw : "https://" + raw;
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || !host.contains(".")) {
                throw new UnusableRow("website \"" + raw + "\" is not a web address (http or https, with a domain)");
            }
            String pathAndRest = candidate.substring(
                    candidate.indexOf("://") + 3 + uri.getRawAuthority().length());
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (pathAndRest.isEmpty() ? "/" : pathAndRest);
        } catch (URISyntaxException e) {
            throw new UnusableRow("website \"" + raw + "\" is not a web address: " + e.getReason());
        }
    }
}
