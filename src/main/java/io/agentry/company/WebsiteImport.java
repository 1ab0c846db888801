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
 * website}, as users keep them in a CRM (Companies House has no websites). The whole file is one
 * transaction. A company the catalogue does not hold, a number given twice (the first line is
 * used) or a value that is not a web address is reported with its line and skipped.
 */
public final class WebsiteImport {
    private static final String CREATE_STAGING = """
            CREATE TEMPORARY TABLE websites_import (line bigint, company_number text, website text)
            ON COMMIT DROP""";
    private static final String COPY =
            "COPY websites_import (line, company_number, website) FROM STDIN (FORMAT binary)";
    private static final String UNKNOWN = """
            SELECT line, company_number FROM websites_import s
            WHERE NOT EXISTS (SELECT 1 FROM companies c WHERE c.company_number = s.company_number)
            ORDER BY line""";
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
        ImportPart file = ImportPart.parts(path, List.of("csv")).get(0);
        AtomicLong bytesRead = new AtomicLong();
        long read = 0, rejected = 0, updated;
        try (Connection connection = database.openDedicated();
                CsvReader<CsvRecord> csv = CsvReader.builder()
                        .skipEmptyLines(true)
                        .allowMissingFields(true)
                        .allowExtraFields(true)
                        .detectBomHeader(true)
                        .ofCsvRecord(file.open(bytesRead), StandardCharsets.UTF_8)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_STAGING);
            }
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new ImportException(file.name() + " is empty");
            }
            List<String> header = records.next().getFields().stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT))
                    .toList();
            int numberAt = header.indexOf("company_number");
            int websiteAt = header.indexOf("website");
            if (numberAt < 0 || websiteAt < 0) {
                throw new ImportException(file.name() + " needs a header with the columns company_number and website, "
                        + "has " + String.join(", ", header));
            }
            CompanyNumberSet seen = new CompanyNumberSet();
            try (BinaryCopy copy = BinaryCopy.start(connection, COPY)) {
                while (records.hasNext()) {
                    CsvRecord record = records.next();
                    read++;
                    long line = record.getStartingLineNumber();
                    try {
                        String number = number(field(record, numberAt));
                        String website = website(field(record, websiteAt));
                        if (!seen.add(number)) {
                            throw new UnusableRow("company " + number + " is already on an earlier line");
                        }
                        copy.row(3).int8(line).text(number).text(website);
                    } catch (UnusableRow e) {
                        rejected++;
                        listener.problem(
                                new ImportProblem(file.name(), line, ImportProblem.Kind.ROW_SKIPPED, e.getMessage()));
                    }
                }
                copy.finish();
            }
            try (Statement statement = connection.createStatement()) {
                try (ResultSet unknown = statement.executeQuery(UNKNOWN)) {
                    while (unknown.next()) {
                        rejected++;
                        listener.problem(new ImportProblem(
                                file.name(),
                                unknown.getLong(1),
                                ImportProblem.Kind.ROW_SKIPPED,
                                "company " + unknown.getString(2) + " is not in the catalogue"));
                    }
                }
                updated = statement.executeUpdate(UPDATE);
            }
            connection.commit();
        } catch (IOException | CsvParseException e) {
            throw new ImportException(file.name() + " could not be read to the end: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new ImportException("loading the websites failed: " + e.getMessage(), e);
        }
        listener.progress(new ImportProgress(read, file.size(), file.size()));
        return new ImportSummary(
                "websites",
                read,
                0,
                updated,
                read - rejected - updated,
                rejected,
                0,
                Duration.ofNanos(clock.nanoTime() - started));
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
