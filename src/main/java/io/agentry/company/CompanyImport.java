package io.agentry.company;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports the Companies House Free Company Data Product into the catalogue: a {@code .csv}, the
 * {@code .zip} it ships in, or a folder of its parts. Files are streamed, so memory stays flat
 * however large the snapshot; rows are loaded as {@link SnapshotStore} says.
 * The first import into an empty catalogue is one transaction; later ones commit each chunk, so
 * an interrupted import keeps what it loaded and a second run completes it, counting the loaded
 * rows as unchanged.
 */
public final class CompanyImport {
    private static final int PROGRESS_EVERY = 5_000;

    private final Database database;
    private final ReferenceData reference;
    private final ImportListener listener;
    private final Clock clock;

    public CompanyImport(Database database, ReferenceData reference, ImportListener listener, Clock clock) {
        this.database = database;
        this.reference = reference;
        this.listener = listener;
        this.clock = clock;
    }

    public ImportSummary run(Path path) {
        long started = clock.nanoTime();
        List<ImportPart> parts = ImportPart.parts(path, List.of("csv"));
        parts.forEach(this::checkHeader);
        Counts counts = new Counts(parts.stream().mapToLong(ImportPart::size).sum());
        CompanyNumberSet seen = new CompanyNumberSet();
        Map<String, String> sicDescriptions = new HashMap<>();
        try (Connection connection = database.openDedicated();
                SnapshotStore store = SnapshotStore.open(connection, sicDescriptions)) {
            for (ImportPart part : parts) {
                importPart(part, store, seen, sicDescriptions, counts);
            }
            store.finish();
            counts.inserted = store.inserted();
            counts.updated = store.updated();
        } catch (SQLException e) {
            throw new ImportException("loading into the catalogue failed: " + e.getMessage(), e);
        }
        listener.progress(counts.progress());
        return new ImportSummary(
                "companies-house",
                counts.read,
                counts.inserted,
                counts.updated,
                counts.read - counts.rejected - counts.inserted - counts.updated,
                counts.rejected,
                counts.fieldsLeftEmpty,
                Duration.ofNanos(clock.nanoTime() - started));
    }

    /** Before anything is loaded, so that a wrong file changes nothing. */
    private void checkHeader(ImportPart part) {
        try (CsvReader<SnapshotLines.Line> csv = reader(part, new SnapshotLines(), new AtomicLong())) {
            Iterator<SnapshotLines.Line> lines = csv.iterator();
            if (!lines.hasNext()) {
                throw new ImportException(part.name() + " is empty");
            }
            SnapshotColumns.of(Arrays.asList(lines.next().fields()), part.name());
        } catch (IOException e) {
            throw new ImportException("cannot read " + part.name() + ": " + e.getMessage(), e);
        }
    }

    private void importPart(
            ImportPart part,
            SnapshotStore store,
            CompanyNumberSet seen,
            Map<String, String> sicDescriptions,
            Counts counts)
            throws SQLException {
        long bytesBefore = counts.bytesRead.get();
        SnapshotLines handler = new SnapshotLines();
        try (CsvReader<SnapshotLines.Line> csv = reader(part, handler, counts.bytesRead)) {
            Iterator<SnapshotLines.Line> lines = csv.iterator();
            SnapshotColumns columns =
                    SnapshotColumns.of(Arrays.asList(lines.next().fields()), part.name());
            handler.keepOnly(columns.positions());
            SnapshotParser parser = new SnapshotParser(columns, reference, part.name(), sicDescriptions, problem -> {
                counts.count(problem);
                listener.problem(problem);
            });
            while (lines.hasNext()) {
                SnapshotLines.Line line = lines.next();
                counts.read++;
                Optional<SnapshotRow> row = parser.parse(line);
                if (row.isPresent() && !seen.add(row.get().companyNumber())) {
                    parser.reportSkipped(
                            line.number(),
                            "CompanyNumber " + row.get().companyNumber() + " is already on an earlier line");
                } else if (row.isPresent()) {
                    store.add(row.get());
                }
                if (counts.read % PROGRESS_EVERY == 0) {
                    listener.progress(counts.progress());
                }
            }
        } catch (IOException | CsvParseException e) {
            throw new ImportException(part.name() + " could not be read to the end: " + e.getMessage(), e);
        } finally {
            counts.bytesRead.set(bytesBefore + part.size());
        }
    }

    private static CsvReader<SnapshotLines.Line> reader(ImportPart part, SnapshotLines handler, AtomicLong bytesRead)
            throws IOException {
        // Bytes that are not UTF-8 become U+FFFD rather than failing the import.
        return CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(true)
                .build(handler, part.open(bytesRead), StandardCharsets.UTF_8);
    }

    private static final class Counts {
        final AtomicLong bytesRead = new AtomicLong();
        final long bytesTotal;
        long read;
        long inserted;
        long updated;
        long rejected;
        long fieldsLeftEmpty;

        Counts(long bytesTotal) {
            this.bytesTotal = bytesTotal;
        }

        void count(ImportProblem problem) {
            if (problem.kind() == ImportProblem.Kind.ROW_SKIPPED) {
                rejected++;
            } else {
                fieldsLeftEmpty++;
            }
        }

        ImportProgress progress() {
            return new ImportProgress(read, Math.min(bytesRead.get(), bytesTotal), bytesTotal);
        }
    }
}
