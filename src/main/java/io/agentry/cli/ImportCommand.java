package io.agentry.cli;

import io.agentry.company.CompanyImport;
import io.agentry.company.ImportSummary;
import io.agentry.company.PscImport;
import io.agentry.company.WebsiteImport;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentry import companies-house|psc|websites FILE}: loads data into the company catalogue. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Load data into the company catalogue. Creates the database and its schema if needed.",
        footer = Main.FOOTER,
        subcommands = {ImportCommand.CompaniesHouse.class, ImportCommand.Psc.class, ImportCommand.Websites.class})
final class ImportCommand implements Runnable {
    private static final String SAMPLE =
            "Import the bundled synthetic sample instead of a FILE (see docs/sample-data.md).";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the three imports share: the file, the database, the problems file, the summary. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "FILE",
                description = "A file, a .zip of files, or a folder of them.")
        Path file;

        @Option(
                names = "--problems",
                paramLabel = "FILE",
                description =
                        "Also write every skipped line and emptied field to FILE (CSV: file,line,outcome,reason). "
                                + "The terminal shows the first " + ImportDisplay.SHOWN_PROBLEMS + ".")
        Path problems;

        abstract ImportSummary run(Database db, ImportDisplay display, Path file);

        /** Reads and checks what the import needs besides the file, before any database is opened. */
        void prepare() {}

        /** The bundled sample to import instead of a file ({@code --sample}); null for none. */
        String sampleResource() {
            return null;
        }

        @Override
        public Integer call() throws IOException {
            FlagValues flags = new FlagValues(spec);
            boolean sample = sampleResource() != null;
            if (sample == (file != null)) {
                throw flags.error(sample ? "give a FILE or --sample, not both" : "give the FILE to import");
            }
            prepare();
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = Databases.open(database.config())) {
                db.migrate();
                try (ImportDisplay display = ImportDisplay.open(err, problems, Clock.system());
                        SampleFile sampleFile = sample ? SampleFile.of(sampleResource()) : null) {
                    ImportSummary summary = run(db, display, sample ? sampleFile.path() : file);
                    display.finish(summary);
                    spec.commandLine().getOut().println(ImportDisplay.summary(summary));
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        }
    }

    @Command(
            name = "companies-house",
            mixinStandardHelpOptions = true,
            description = {
                "Import the Companies House Free Company Data Product (BasicCompanyData…csv): the CSV, "
                        + "the .zip it ships in, or a folder of its parts.",
                "Companies are upserted by company number: next month's snapshot updates them in place, "
                        + "and importing a file again changes nothing. Enrichment data is kept.",
                "Region and size band are derived with the reference data (--reference-dir overrides it)."
            },
            footer = Main.FOOTER)
    static final class CompaniesHouse extends Base {
        @Mixin
        ReferenceFlags referenceFlags;

        private ReferenceData reference;

        @Override
        void prepare() {
            reference = referenceFlags.load();
        }

        @Option(names = "--sample", description = SAMPLE)
        boolean sample;

        @Override
        String sampleResource() {
            return sample ? "samples/companies/BasicCompanyData-synthetic-sample.csv" : null;
        }

        @Override
        ImportSummary run(Database db, ImportDisplay display, Path file) {
            return new CompanyImport(db, reference, display, Clock.system()).run(file);
        }
    }

    @Command(
            name = "psc",
            mixinStandardHelpOptions = true,
            description = "Import the Companies House people-with-significant-control snapshot (JSON lines: "
                    + "a file, its .zip, or a folder of parts), and count each company's active PSCs.",
            footer = Main.FOOTER)
    static final class Psc extends Base {
        @Override
        ImportSummary run(Database db, ImportDisplay display, Path file) {
            return new PscImport(db, display, Clock.system()).run(file);
        }
    }

    @Command(
            name = "websites",
            mixinStandardHelpOptions = true,
            description = {
                "Import companies' websites from a CSV with the columns company_number and website "
                        + "(as kept in a CRM; Companies House has none).",
                "Numbers that lost their leading zeros are padded; a website without a scheme is taken as https."
            },
            footer = Main.FOOTER)
    static final class Websites extends Base {
        @Option(names = "--sample", description = SAMPLE)
        boolean sample;

        @Override
        String sampleResource() {
            return sample ? "samples/websites.csv" : null;
        }

        @Override
        ImportSummary run(Database db, ImportDisplay display, Path file) {
            return new WebsiteImport(db, display, Clock.system()).run(file);
        }
    }
}
