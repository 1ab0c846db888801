package io.agentry.cli;

import io.agentry.company.CompanyImport;
import io.agentry.company.ImportListener;
import io.agentry.company.ImportSummary;
import io.agentry.company.WebsiteImport;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The demo's catalogue: the bundled synthetic companies and their websites, loaded by the same
 * imports as {@code agentry import companies-house --sample} and {@code import websites --sample}.
 * Both upsert by company number, so on a catalogue that already holds the sample they change
 * nothing, and their summaries say so: that is how the demo tells a first run from a later one.
 */
final class DemoCatalogue {
    static final String COMPANIES = "samples/companies/BasicCompanyData-synthetic-sample.csv";
    static final String WEBSITES = "samples/websites.csv";

    private DemoCatalogue() {}

    /** Imports both samples; one line each for the output, saying what was imported or already there. */
    static Lines load(Database db, ReferenceData reference, Clock clock) {
        try {
            ImportSummary companies;
            try (SampleFile file = SampleFile.of(COMPANIES)) {
                companies = new CompanyImport(db, reference, ImportListener.SILENT, clock).run(file.path());
            }
            ImportSummary websites;
            try (SampleFile file = SampleFile.of(WEBSITES)) {
                websites = new WebsiteImport(db, ImportListener.SILENT, clock).run(file.path());
            }
            return new Lines(
                    line("synthetic sample companies (Companies House format)", companies),
                    line("websites of sample companies", websites));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample", e);
        }
    }

    /** What each import did, as a line of the demo's output. */
    record Lines(String companies, String websites) {}

    private static boolean changed(ImportSummary summary) {
        return summary.inserted() + summary.updated() > 0;
    }

    private static String line(String what, ImportSummary summary) {
        String count = String.format(Locale.ROOT, "%,d %s", summary.rowsRead(), what);
        if (!changed(summary)) {
            return count + ": already in the catalogue, reused";
        }
        return String.format(
                Locale.ROOT,
                "%s: imported (%,d new, %,d updated, %,d unchanged%s) in %s",
                count,
                summary.inserted(),
                summary.updated(),
                summary.unchanged(),
                summary.rejected() == 0 ? "" : String.format(Locale.ROOT, ", %,d skipped", summary.rejected()),
                Durations.text(summary.duration()));
    }
}
