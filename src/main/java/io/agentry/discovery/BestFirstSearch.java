package io.agentry.discovery;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the best-scoring companies for a stream without scoring every match in the catalogue.
 *
 * <p>A company's score depends, beyond the filters, on its size estimate (one per size band), its
 * filings and its age; so no company of a band scores above the band's bound (see {@link Tier}).
 * The search takes the companies whose headcount or turnover is known first (they are few, and may
 * score anything), then the bands by decreasing bound. From a band it first asks for companies at
 * the bound itself, in the discovery index's order (oldest first): a plain index walk that stops
 * after as many as are missing. Only when a band has too few of those does it read the rest of the
 * band, best first. It stops as soon as it holds enough companies scoring at least the next band's
 * bound: no company not yet read can beat them.
 *
 * <p>The result is the same as scoring every match and taking the best: ties go to companies with
 * a known headcount or turnover, then to the band with the larger estimate, then to the older
 * company.
 */
final class BestFirstSearch {
    private final DiscoveryRepository repository;

    BestFirstSearch(DiscoveryRepository repository) {
        this.repository = repository;
    }

    /** Up to {@code wanted} companies scoring at least {@code minScore}, best first; and how many it found in all. */
    Found run(int wanted, double minScore) throws SQLException {
        List<Candidate> found = new ArrayList<>(repository.measured(minScore, wanted));
        List<Tier> tiers = new ArrayList<>(repository.tiers());
        tiers.sort(Comparator.comparingDouble(Tier::bound)
                .reversed()
                .thenComparing(Tier::employeesMax, Comparator.nullsLast(Comparator.reverseOrder())));
        for (Tier tier : tiers) {
            double bound = tier.bound();
            if (bound < minScore) {
                break;
            }
            int missing = wanted
                    - (int) found.stream().filter(c -> c.score() >= bound).count();
            if (missing <= 0) {
                break;
            }
            if (!tier.uniform()) {
                found.addAll(repository.inTier(tier, minScore, null, true, wanted));
                continue;
            }
            List<Candidate> atBound = repository.inTier(tier, bound, null, false, missing);
            found.addAll(atBound);
            if (atBound.size() < missing) {
                found.addAll(repository.inTier(tier, minScore, bound, true, wanted));
            }
        }
        int total = found.size();
        // A stable sort: among equal scores the order in which they were found stands.
        found.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return new Found(found.subList(0, Math.min(wanted, found.size())), total);
    }

    /** The best companies found, and how many qualified companies the search read in all. */
    record Found(List<Candidate> best, int total) {}
}
