package io.agentry.sample;

import java.util.EnumMap;
import java.util.Map;

/**
 * Hands out company numbers from ranges no real company has: {@code 90000000}–{@code 99999999} in
 * England and Wales (ten million; real numbers are below 17,000,000), and {@code 900000}–{@code
 * 999999} after each two-letter prefix ({@code SC}, {@code NI}, {@code OC}, {@code SO}, {@code NC};
 * real ones are below {@code 900000}). Numbers are consecutive in each range, in the order the
 * companies are generated, so they are unique in a file.
 */
final class CompanyNumbers {
    static final int ENGLAND_AND_WALES_CAPACITY = 10_000_000;
    static final int PREFIXED_CAPACITY = 100_000;

    private final Map<Jurisdiction, int[]> used = new EnumMap<>(Jurisdiction.class);
    private final int prefixedCapacity;

    CompanyNumbers() {
        this(PREFIXED_CAPACITY);
    }

    /** With smaller prefixed ranges, to see what happens when they are full. */
    CompanyNumbers(int prefixedCapacity) {
        this.prefixedCapacity = prefixedCapacity;
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            used.put(jurisdiction, new int[2]);
        }
    }

    /** The next number of that registry's range, or null when the range is used up. */
    String next(Jurisdiction jurisdiction, boolean partnership) {
        int[] counters = used.get(jurisdiction);
        int slot = partnership ? 1 : 0;
        String prefix = jurisdiction.prefix(partnership);
        int capacity = prefix.isEmpty() ? ENGLAND_AND_WALES_CAPACITY : prefixedCapacity;
        if (counters[slot] == capacity) {
            return null;
        }
        int serial = counters[slot]++;
        return prefix.isEmpty() ? String.valueOf(90_000_000 + serial) : prefix + (900_000 + serial);
    }
}
