package io.agentry.company;

import java.time.Duration;

/**
 * The outcome of an import. Every row read is counted once: inserted, updated, unchanged, or
 * rejected (skipped as unusable); {@code fieldsLeftEmpty} counts values that were not usable in
 * rows that were imported.
 */
public record ImportSummary(
        String kind,
        long rowsRead,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        long fieldsLeftEmpty,
        Duration duration) {

    public double rowsPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds > 0 ? rowsRead / seconds : 0;
    }
}
