package io.agentry.discovery;

import java.util.List;

/**
 * What a discovery run found and added.
 *
 * @param companiesFound qualified companies the run found for the stream: the items its execution
 *     created, and those its search read but left out for the target. The search stops once it can
 *     show no other company beats those it holds, so this is not a count of every match in the
 *     catalogue.
 * @param itemsCreated items the run's execution added to the stream (over its attempts: a retry
 *     adds nothing twice and reports what the first attempt added)
 * @param qualifiedCount the stream's active company items scoring at least the goal's minimum,
 *     after the run
 * @param avgQualityScore the mean score of the items created, 2 places; null when none
 * @param highQualityCount the items created scoring 4.0 or more
 * @param addedCompanyIds the companies this attempt added, best first
 * @param createdCompanyIds the companies of the items the execution created over its attempts, best
 *     first: what signal detection should look at, even when a retry added nothing new
 * @param target the goal's {@code companies_to_find}
 */
public record DiscoveryResult(
        int companiesFound,
        int itemsCreated,
        int qualifiedCount,
        Double avgQualityScore,
        int highQualityCount,
        List<Long> addedCompanyIds,
        List<Long> createdCompanyIds,
        int target) {

    public DiscoveryResult {
        addedCompanyIds = List.copyOf(addedCompanyIds);
        createdCompanyIds = List.copyOf(createdCompanyIds);
    }

    /** True when the stream holds as many qualified companies as its goal asks. */
    public boolean targetMet() {
        return qualifiedCount >= target;
    }
}
