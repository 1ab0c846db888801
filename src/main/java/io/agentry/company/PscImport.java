package io.agentry.company;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the Companies House "people with significant control" snapshot (JSON lines; a file, its
 * zip, or a folder of parts) into {@code company_pscs}, and keeps each company's {@code psc_count}
 * (the people and entities still in control) true. Loaded and committed in chunks, as {@link
 * CompanyImport}; a record is identified by its {@code links.self}.
 */
public final class PscImport {
    private static final Logger log = LoggerFactory.getLogger(PscImport.class);
    private static final String TOTALS = "totals#persons-of-significant-control-snapshot";
    private static final ObjectReader READER = Json.MAPPER.reader();

    private final Database database;
    private final ImportListener listener;
    private final Clock clock;

    public PscImport(Database database, ImportListener listener, Clock clock) {
        this.database = database;
        this.listener = listener;
        this.clock = clock;
    }

    public ImportSummary run(Path path) {
        long started = clock.nanoTime();
        List<ImportPart> parts = ImportPart.parts(path, List.of("txt", "json", "jsonl"));
        Counts counts = new Counts(parts.stream().mapToLong(ImportPart::size).sum());
        try (Connection connection = database.openDedicated();
                PscStore store = new PscStore(connection, listener)) {
            for (ImportPart part : parts) {
                importPart(part, store, counts);
            }
            counts.rejected += store.superseded();
            listener.progress(new ImportProgress(counts.read, counts.bytesTotal, counts.bytesTotal));
            return new ImportSummary(
                    "psc",
                    counts.read,
                    store.inserted(),
                    store.updated(),
                    counts.read - counts.rejected - store.inserted() - store.updated(),
                    counts.rejected,
                    0,
                    Duration.ofNanos(clock.nanoTime() - started));
        } catch (IOException e) {
            throw new ImportException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new ImportException("loading the PSC records failed: " + e.getMessage(), e);
        }
    }

    private void importPart(ImportPart part, PscStore store, Counts counts) throws IOException, SQLException {
        long stated = -1;
        long records = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(part.open(counts.bytesRead), StandardCharsets.UTF_8))) {
            long lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = parse(line);
                if (json != null && TOTALS.equals(json.path("data").path("kind").asText())) {
                    stated = json.path("data")
                            .path("persons_of_significant_control_count")
                            .asLong(-1);
                    continue;
                }
                counts.read++;
                records++;
                try {
                    if (json == null) {
                        throw new UnusableRow("the line is not a JSON object");
                    }
                    store.add(part.name(), lineNumber, Psc.from(json));
                } catch (UnusableRow e) {
                    counts.rejected++;
                    listener.problem(
                            new ImportProblem(part.name(), lineNumber, ImportProblem.Kind.ROW_SKIPPED, e.getMessage()));
                }
                if (counts.read % 5_000 == 0) {
                    listener.progress(new ImportProgress(counts.read, counts.bytesRead.get(), counts.bytesTotal));
                }
            }
        }
        store.flush(part.name());
        if (stated >= 0 && stated != records) {
            log.warn(
                    "{} says it holds {} records, but {} were read: is the file complete?",
                    part.name(),
                    stated,
                    records);
        }
    }

    private static final class Counts {
        final AtomicLong bytesRead = new AtomicLong();
        final long bytesTotal;
        long read;
        long rejected;

        Counts(long bytesTotal) {
            this.bytesTotal = bytesTotal;
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode json = READER.readTree(line);
            return json != null && json.isObject() ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A PSC record's fields, or the reason it cannot be used. */
    record Psc(
            String pscId,
            String companyNumber,
            String kind,
            String name,
            List<String> naturesOfControl,
            LocalDate notifiedOn,
            LocalDate ceasedOn,
            String etag) {

        static Psc from(JsonNode json) throws UnusableRow {
            JsonNode data = json.path("data");
            String number = CompanyNumber.normalise(json.path("company_number").asText(null))
                    .orElse(null);
            if (number == null) {
                throw new UnusableRow("company_number is missing or not a company number");
            }
            String id = text(data.path("links").path("self"));
            if (id == null) {
                throw new UnusableRow("data.links.self is missing: the record cannot be identified");
            }
            String kind = text(data.path("kind"));
            if (kind == null) {
                throw new UnusableRow("data.kind is missing");
            }
            List<String> natures = new ArrayList<>();
            data.path("natures_of_control").forEach(nature -> natures.add(nature.asText()));
            try {
                return new Psc(
                        id,
                        number,
                        kind,
                        text(data.path("name")),
                        natures,
                        date(data.path("notified_on")),
                        date(data.path("ceased_on")),
                        text(data.path("etag")));
            } catch (DateTimeException e) {
                throw new UnusableRow("a date is not YYYY-MM-DD: " + e.getMessage());
            }
        }

        private static String text(JsonNode node) {
            String value = node.isValueNode() ? node.asText().strip() : "";
            return value.isEmpty() ? null : value;
        }

        private static LocalDate date(JsonNode node) {
            String value = text(node);
            return value == null ? null : LocalDate.parse(value);
        }
    }
}
