package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /company/{n}/charges}, every page collected (up to the client's {@code maxItems}).
 * The counts are the API's, from the first page.
 */
public record Charges(
        @JsonProperty("items") List<Charge> items,
        @JsonProperty("total_count") int totalCount,
        @JsonProperty("satisfied_count") int satisfiedCount,
        @JsonProperty("part_satisfied_count") int partSatisfiedCount) {

    public Charges {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether every charge the API counts was fetched. */
    @JsonIgnore
    public boolean isComplete() {
        return items.size() >= totalCount;
    }

    Charges withItems(List<Charge> all) {
        return new Charges(all, totalCount, satisfiedCount, partSatisfiedCount);
    }
}
