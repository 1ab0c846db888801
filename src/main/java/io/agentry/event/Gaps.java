package io.agentry.event;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ids the feed skipped that may still appear, as ranges, each with the transactions that could
 * still fill it. A gap is settled once all of those have ended: an id of a settled gap that a
 * later read does not see will never be seen.
 */
final class Gaps {
    private static final class Gap {
        final long last;
        Set<String> writers; // null until asked which transactions could fill the gap
        boolean settled;

        Gap(long last) {
            this.last = last;
        }
    }

    private final TreeMap<Long, Gap> gaps = new TreeMap<>();

    /** Ids {@code first..last} were missing from a read: the ones no gap holds yet make new gaps. */
    void missing(long first, long last) {
        long from = first;
        while (from <= last) {
            Gap holding = holding(from);
            if (holding != null) {
                from = holding.last + 1;
                continue;
            }
            Long next = gaps.higherKey(from);
            long to = next == null ? last : Math.min(last, next - 1);
            gaps.put(from, new Gap(to));
            from = to + 1;
        }
    }

    /** Whether every id of {@code first..last} is in a settled gap. */
    boolean settled(long first, long last) {
        long from = first;
        while (from <= last) {
            Gap holding = holding(from);
            if (holding == null || !holding.settled) {
                return false;
            }
            from = holding.last + 1;
        }
        return true;
    }

    boolean hasNew() {
        return gaps.values().stream().anyMatch(gap -> gap.writers == null);
    }

    /**
     * The new gaps can be filled only by {@code inserting}, the transactions inserting when they
     * were found or since. Returns whether a gap settled (none of them could fill it).
     */
    boolean watch(Set<String> inserting) {
        boolean settled = false;
        for (Gap gap : gaps.values()) {
            if (gap.writers == null) {
                gap.writers = new HashSet<>(inserting);
                gap.settled = gap.writers.isEmpty();
                settled |= gap.settled;
            }
        }
        return settled;
    }

    /** The transactions the open gaps wait for. */
    Set<String> writers() {
        Set<String> writers = new HashSet<>();
        for (Gap gap : gaps.values()) {
            if (!gap.settled && gap.writers != null) {
                writers.addAll(gap.writers);
            }
        }
        return writers;
    }

    /** Of the transactions the gaps wait for, only {@code running} have not ended. */
    void running(Set<String> running) {
        for (Gap gap : gaps.values()) {
            if (!gap.settled && gap.writers != null) {
                gap.writers.retainAll(running);
                gap.settled = gap.writers.isEmpty();
            }
        }
    }

    /** Whether some gap is not settled yet. */
    boolean open() {
        return gaps.values().stream().anyMatch(gap -> !gap.settled);
    }

    /** Forgets the gaps that lie wholly at or below {@code watermark}: the feed has moved past them. */
    void forgetThrough(long watermark) {
        gaps.entrySet().removeIf(entry -> entry.getValue().last <= watermark);
    }

    int size() {
        return gaps.size();
    }

    private Gap holding(long id) {
        Map.Entry<Long, Gap> floor = gaps.floorEntry(id);
        return floor != null && floor.getValue().last >= id ? floor.getValue() : null;
    }
}
