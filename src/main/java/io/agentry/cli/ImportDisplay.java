package io.agentry.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.agentry.company.ImportListener;
import io.agentry.company.ImportProblem;
import io.agentry.company.ImportProgress;
import io.agentry.company.ImportSummary;
import io.agentry.support.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How an import shows itself: on a terminal a progress bar (bytes, rows, rows/s, time left);
 * elsewhere (a log, a pipe) one plain line every {@link #PLAIN_EVERY}. The first problems are
 * printed as they come, the rest counted, and all written to the problems file if there is one.
 */
final class ImportDisplay implements ImportListener, AutoCloseable {
    static final int SHOWN_PROBLEMS = 20;
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);
    private static final int MIB = 1 << 20;

    private final PrintWriter err;
    private final CsvWriter problemsFile;
    private final Clock clock;
    private final long started;
    private ProgressBar bar;
    private long lastLine;
    private long problems;

    private ImportDisplay(PrintWriter err, CsvWriter problemsFile, Clock clock, boolean terminal) {
        this.err = err;
        this.problemsFile = problemsFile;
        this.clock = clock;
        this.started = clock.nanoTime();
        this.lastLine = started;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Importing")
                    .setUnit(" MiB", MIB)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .build();
        }
    }

    static ImportDisplay open(PrintWriter err, Path problems, Clock clock) {
        try {
            CsvWriter file = problems == null ? null : CsvWriter.builder().build(problems);
            if (file != null) {
                file.writeRecord("file", "line", "outcome", "reason");
            }
            return new ImportDisplay(err, file, clock, System.console() != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the problems file " + problems, e);
        }
    }

    @Override
    public synchronized void progress(ImportProgress progress) {
        long now = clock.nanoTime();
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        long rate = Math.round(progress.rowsRead() / seconds);
        if (bar != null) {
            bar.maxHint(progress.bytesTotal());
            bar.stepTo(progress.bytesRead());
            bar.setExtraMessage(String.format(Locale.ROOT, " %,d rows, %,d rows/s", progress.rowsRead(), rate));
        } else if (now - lastLine >= PLAIN_EVERY.toNanos()) {
            lastLine = now;
            err.println(plainLine(progress, seconds, rate));
            err.flush();
        }
    }

    private static String plainLine(ImportProgress progress, double seconds, long rate) {
        String line = String.format(Locale.ROOT, "import: %,d rows read, %,d rows/s", progress.rowsRead(), rate);
        if (progress.bytesTotal() > 0 && progress.bytesRead() > 0) {
            double done = (double) progress.bytesRead() / progress.bytesTotal();
            long left = Math.round(seconds / done * (1 - done));
            line += String.format(Locale.ROOT, ", %.0f%% done, about %s left", done * 100, Durations.text(left));
        }
        return line;
    }

    @Override
    public synchronized void problem(ImportProblem problem) {
        problems++;
        if (problems <= SHOWN_PROBLEMS) {
            err.println(problem);
            err.flush();
        }
        if (problemsFile != null) {
            problemsFile.writeRecord(
                    problem.file(),
                    Long.toString(problem.line()),
                    problem.kind() == ImportProblem.Kind.ROW_SKIPPED ? "skipped" : "field left empty",
                    problem.reason());
        }
    }

    /** Ends the display; says how many problems were not shown. */
    void finish(ImportSummary summary) {
        closeBar();
        if (problems > SHOWN_PROBLEMS) {
            err.println("… and " + (problems - SHOWN_PROBLEMS) + " more problems"
                    + (problemsFile == null ? " (--problems FILE writes them all)" : ""));
            err.flush();
        }
    }

    /** The closing summary. */
    static String summary(ImportSummary s) {
        return String.format(
                Locale.ROOT,
                "Imported %s: %,d rows read: %,d inserted, %,d updated, %,d unchanged, %,d rejected%s, in %s (%,d rows/s).",
                s.kind(),
                s.rowsRead(),
                s.inserted(),
                s.updated(),
                s.unchanged(),
                s.rejected(),
                s.fieldsLeftEmpty() == 0
                        ? ""
                        : String.format(Locale.ROOT, "; %,d fields left empty", s.fieldsLeftEmpty()),
                Durations.text(s.duration()),
                Math.round(s.rowsPerSecond()));
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
        if (problemsFile != null) {
            try {
                problemsFile.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
