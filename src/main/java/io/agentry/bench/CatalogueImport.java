package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.company.CompanyImport;
import io.agentry.company.ImportListener;
import io.agentry.company.ImportSummary;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.sample.SyntheticCompanies;
import io.agentry.support.Clock;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;

/**
 * The catalogue import: a Companies House snapshot file (generated, or {@code --import-file}) is
 * first copied raw into a text table with one column per field and no index, the fastest way
 * PostgreSQL can take the file in; then imported into the empty catalogue, as a first import;
 * then imported again, as next month's unchanged snapshot. The heap is sampled throughout.
 */
final class CatalogueImport {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "rows",
        "file_mib",
        "raw_copy_s",
        "raw_copy_rows_per_s",
        "import_s",
        "import_rows_per_s",
        "import_vs_raw_copy",
        "reimport_s",
        "reimport_rows_per_s",
        "heap_max_mib",
        "heap_peak_used_mib"
    })
    record Result(
            long rows,
            double fileMib,
            double rawCopyS,
            double rawCopyRowsPerS,
            double importS,
            double importRowsPerS,
            double importVsRawCopy,
            double reimportS,
            double reimportRowsPerS,
            long heapMaxMib,
            long heapPeakUsedMib)
            implements WorkloadResult {

        @Override
        @JsonIgnore
        public boolean timedOut() {
            return false;
        }

        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "import: %,d companies (%.0f MiB)%n"
                            + "  raw COPY into a text table: %.2f s -> %,.0f rows/s%n"
                            + "  first import:               %.2f s -> %,.0f rows/s (%.2f of the raw COPY's speed)%n"
                            + "  same file again:            %.2f s -> %,.0f rows/s%n"
                            + "  heap: peak %d MiB used of %d MiB",
                    rows,
                    fileMib,
                    rawCopyS,
                    rawCopyRowsPerS,
                    importS,
                    importRowsPerS,
                    importVsRawCopy,
                    reimportS,
                    reimportRowsPerS,
                    heapPeakUsedMib,
                    heapMaxMib);
        }
    }

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        Clock clock = context.clock();
        Path directory = Files.createTempDirectory("agentry-bench-import");
        try {
            Path file = settings.importFile();
            if (file == null) {
                file = directory.resolve("BasicCompanyData-synthetic.csv");
                context.progress().printf("Generating %,d synthetic companies in %s%n", settings.importRows(), file);
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new SyntheticCompanies(SyntheticCompanies.SAMPLE_SEED).write(out, settings.importRows());
                }
            } else if (!file.getFileName().toString().endsWith(".csv")) {
                throw new IllegalArgumentException("--import-file must be a .csv file, to be copied raw as well");
            }
            long bytes = Files.size(file);
            try (HeapSampler heap = HeapSampler.start();
                    Database client = context.database().connect(2)) {
                context.progress().println("Raw COPY into a text table");
                long started = clock.nanoTime();
                long rows = rawCopy(client, file);
                long rawMicros = (clock.nanoTime() - started) / 1_000;

                context.progress().println("First import into the empty catalogue");
                CompanyImport companyImport =
                        new CompanyImport(client, ReferenceData.bundled(), ImportListener.SILENT, clock);
                ImportSummary first = companyImport.run(file);
                context.progress().println("The same file again");
                ImportSummary again = companyImport.run(file);

                long importMicros = first.duration().toNanos() / 1_000;
                long againMicros = again.duration().toNanos() / 1_000;
                double rawRate = Round.rate(rows, rawMicros);
                double importRate = Round.rate(first.rowsRead(), importMicros);
                return new Result(
                        rows,
                        Math.round(bytes / 1048576.0 * 10) / 10.0,
                        Round.seconds(rawMicros),
                        rawRate,
                        Round.seconds(importMicros),
                        importRate,
                        Math.round(importRate / rawRate * 100) / 100.0,
                        Round.seconds(againMicros),
                        Round.rate(again.rowsRead(), againMicros),
                        heap.maxMib(),
                        heap.peakUsedMib());
            }
        } finally {
            try (var files = Files.list(directory)) {
                for (Path path : files.toList()) {
                    Files.delete(path);
                }
            }
            Files.delete(directory);
        }
    }

    /** COPY of the file as it is into a table of text columns, one per header field; returns the rows. */
    private static long rawCopy(Database client, Path file) throws Exception {
        int fields;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            fields = reader.readLine().split(",", -1).length;
        }
        String columns = IntStream.rangeClosed(1, fields)
                .mapToObj(i -> "f" + i + " text")
                .collect(Collectors.joining(", "));
        try (Connection connection = client.openDedicated();
                Statement statement = connection.createStatement();
                InputStream in = Files.newInputStream(file)) {
            statement.execute("DROP TABLE IF EXISTS raw_snapshot");
            statement.execute("CREATE TABLE raw_snapshot (" + columns + ")");
            long rows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY raw_snapshot FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
            statement.execute("DROP TABLE raw_snapshot");
            return rows;
        }
    }
}
