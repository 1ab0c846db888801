package io.agentry.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one scoring run did to a stream.
 *
 * @param itemsUpdated the company items scored and ranked: their score, band and rank are now current
 * @param avgQualityScore their mean score, rounded to 2 places; null when the stream has none
 * @param highQualityCount those scoring {@value Priority#HIGH_QUALITY} or more
 * @param bands how many fell in each band
 * @param averages the mean of each component over the items scored; null when there are none
 * @param rowsWritten the items whose rank, band or metadata changed and were written (notes and
 *     tasks included); the others were left as they were
 */
public record ScoringResult(
        int itemsUpdated,
        Double avgQualityScore,
        int highQualityCount,
        Map<Priority, Integer> bands,
        Quality averages,
        int rowsWritten) {

    public ScoringResult {
        EnumMap<Priority, Integer> all = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            all.put(priority, bands.getOrDefault(priority, 0));
        }
        bands = Collections.unmodifiableMap(all);
    }
}
