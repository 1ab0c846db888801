package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /company/{n}/persons-with-significant-control}, every page collected (up to the
 * client's {@code maxItems}). The counts are the API's, from the first page.
 */
public record Pscs(
        @JsonProperty("items") List<Psc> items,
        @JsonProperty("active_count") int activeCount,
        @JsonProperty("ceased_count") int ceasedCount,
        @JsonProperty("total_results") int totalResults) {

    public Pscs {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether every person the API counts was fetched. */
    @JsonIgnore
    public boolean isComplete() {
        return items.size() >= totalResults;
    }

    Pscs withItems(List<Psc> all) {
        return new Pscs(all, activeCount, ceasedCount, totalResults);
    }
}
