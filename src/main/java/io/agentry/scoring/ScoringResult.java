package io.agentry.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one scoring run did to a stream.
 *
 * @param itemsUpdated the company items scored and ranked
 * @param avgQualityScore their mean score, rounded to 2 places; null when the stream has none
 * @param highQualityCount those scoring {@value Priority#HIGH_QUALITY} or more
 * @param bands how many fell in each band
 * @param averages the mean of each component over the items scored; null when there are none
 */
public record ScoringResult(
        int itemsUpdated,
        Double avgQualityScore,
        int highQualityCount,
        Map<Priority, Integer> bands,
        Quality averages) {

    public ScoringResult {
        EnumMap<Priority, Integer> all = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            all.put(priority, bands.getOrDefault(priority, 0));
        }
        bands = Collections.unmodifiableMap(all);
    }
}
