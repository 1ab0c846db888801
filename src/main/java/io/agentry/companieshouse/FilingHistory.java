package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /company/{n}/filing-history}, newest first, every page collected (up to the client's
 * {@code maxItems}). {@code totalCount} is the API's, from the first page, for the category asked
 * for if any.
 */
public record FilingHistory(
        @JsonProperty("items") List<Filing> items,
        @JsonProperty("total_count") int totalCount) {

    public FilingHistory {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether every filing the API counts was fetched. */
    @JsonIgnore
    public boolean isComplete() {
        return items.size() >= totalCount;
    }

    FilingHistory withItems(List<Filing> all) {
        return new FilingHistory(all, totalCount);
    }
}
