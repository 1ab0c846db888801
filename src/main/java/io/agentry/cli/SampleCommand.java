package io.agentry.cli;

import io.agentry.sample.SyntheticCompanies;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Synthetic sample data: invented companies in the real formats, for trying Agentry out "
                + "and for tests (see docs/sample-data.md).",
        footer = Main.FOOTER,
        subcommands = SampleCommand.Companies.class)
final class SampleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "companies",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Writes N synthetic companies in the exact format of the Companies House Free Company Data "
                        + "Product (BasicCompanyData CSV).",
                "Every company is invented; its number is in a range no real company has "
                        + "(90000000+, SC9…, NI9…, OC9…, SO9…, NC9…).",
                "The same --seed and --rows give the same file; the default seed with --rows "
                        + SyntheticCompanies.SAMPLE_ROWS + " gives the bundled sample."
            },
            footer = Main.FOOTER)
    static final class Companies implements Callable<Integer> {
        private static final String ROWS = "1.." + SyntheticCompanies.MAX_ROWS;
        private static final String SEED = "0..2147483647";

        @Spec
        CommandSpec spec;

        // Read as text and checked in call(), so that every message names its flag (FlagValues).
        @Option(
                names = "--rows",
                required = true,
                paramLabel = "N",
                description = "How many companies (" + ROWS + ", required).")
        String rows;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE.csv",
                description = "The file to write (required).")
        Path out;

        @Option(
                names = "--seed",
                defaultValue = "" + SyntheticCompanies.SAMPLE_SEED,
                description = "Seed of the generator (" + SEED + "; default: ${DEFAULT-VALUE}).")
        String seed;

        @Option(names = "--force", description = "Replace FILE.csv if it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            FlagValues flags = new FlagValues(spec);
            int count = flags.whole("--rows", rows, ROWS);
            long seedValue = flags.whole("--seed", seed, SEED);
            Path file = out.toAbsolutePath().normalize();
            if (Files.isDirectory(file)) {
                throw flags.error("--out " + out + " is a directory; give a file name");
            }
            if (Files.exists(file) && !force) {
                throw flags.error("--out " + out + " already exists; add --force to replace it");
            }
            long started = System.nanoTime();
            write(file, count, seedValue);
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(
                    Locale.ROOT,
                    "Wrote %,d synthetic companies to %s in %.1fs (seed %d).%n",
                    count,
                    file,
                    seconds,
                    seedValue);
            stdout.println("Every row is invented: the company numbers are in ranges no real company has "
                    + "(90000000+, SC9, NI9, OC9, SO9, NC9).");
            stdout.flush();
            return 0;
        }

        /** Into a temporary file beside the target, then renamed: a failed run leaves no half file. */
        private void write(Path file, int count, long seedValue) throws IOException {
            Path directory = file.getParent();
            Files.createDirectories(directory);
            // Not Files.createTempFile, whose file only its owner may read: the result must not be.
            Path partial = directory.resolve(
                    "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            try {
                new SyntheticCompanies(seedValue).write(partial, count, written -> {
                    spec.commandLine()
                            .getErr()
                            .printf(Locale.ROOT, "sample: %,d of %,d companies written%n", written, count);
                    spec.commandLine().getErr().flush();
                });
                if (force) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(partial, file);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
