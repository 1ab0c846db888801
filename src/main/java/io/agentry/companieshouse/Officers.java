package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /company/{n}/officers}, every page collected (up to the client's {@code maxItems}).
 * The counts are the API's, from the first page.
 */
public record Officers(
        @JsonProperty("items") List<Officer> items,
        @JsonProperty("active_count") int activeCount,
        @JsonProperty("inactive_count") int inactiveCount,
        @JsonProperty("resigned_count") int resignedCount,
        @JsonProperty("total_results") int totalResults) {

    public Officers {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether every officer the API counts was fetched. */
    @JsonIgnore
    public boolean isComplete() {
        return items.size() >= totalResults;
    }

    Officers withItems(List<Officer> all) {
        return new Officers(all, activeCount, inactiveCount, resignedCount, totalResults);
    }
}
