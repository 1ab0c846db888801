package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.company.ImportProblem;
import io.agentry.company.ImportProgress;
import io.agentry.company.ImportSummary;
import io.agentry.testing.SettableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import's display away from a terminal: plain lines, the first problems, a summary. */
class ImportDisplayTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final StringWriter err = new StringWriter();

    @Test
    void prints_one_plain_progress_line_every_five_seconds_with_the_rate_and_the_time_left() {
        try (ImportDisplay display = ImportDisplay.open(new PrintWriter(err, true), null, clock)) {
            clock.advance(Duration.ofSeconds(2));
            display.progress(new ImportProgress(200_000, 100, 1_000));
            clock.advance(Duration.ofSeconds(3));
            display.progress(new ImportProgress(500_000, 250, 1_000));
            clock.advance(Duration.ofSeconds(1));
            display.progress(new ImportProgress(600_000, 300, 1_000));
        }

        assertThat(err.toString().lines())
                .containsExactly("import: 500,000 rows read, 100,000 rows/s, 25% done, about 15.0 s left");
    }

    @Test
    void shows_the_first_problems_and_counts_the_rest_and_writes_them_all_to_the_problems_file(@TempDir Path dir)
            throws Exception {
        Path problems = dir.resolve("problems.csv");
        try (ImportDisplay display = ImportDisplay.open(new PrintWriter(err, true), problems, clock)) {
            for (int line = 2; line < 2 + ImportDisplay.SHOWN_PROBLEMS + 5; line++) {
                display.problem(
                        new ImportProblem("big.csv", line, ImportProblem.Kind.ROW_SKIPPED, "CompanyName is empty"));
            }
            display.finish(new ImportSummary("companies-house", 25, 0, 0, 0, 25, 0, Duration.ofSeconds(1)));
        }

        assertThat(err.toString().lines())
                .hasSize(ImportDisplay.SHOWN_PROBLEMS + 1)
                .startsWith("big.csv line 2: CompanyName is empty (skipped)")
                .endsWith("… and 5 more problems");
        assertThat(Files.readAllLines(problems))
                .hasSize(1 + ImportDisplay.SHOWN_PROBLEMS + 5)
                .startsWith("file,line,outcome,reason", "big.csv,2,skipped,CompanyName is empty");
    }

    @Test
    void the_summary_counts_every_row_once() {
        ImportSummary summary =
                new ImportSummary("companies-house", 1_000, 900, 50, 40, 10, 3, Duration.ofMillis(2_500));

        assertThat(ImportDisplay.summary(summary))
                .isEqualTo("Imported companies-house: 1,000 rows read: 900 inserted, 50 updated, 40 unchanged, "
                        + "10 rejected; 3 fields left empty, in 2.5 s (400 rows/s).");
    }
}
