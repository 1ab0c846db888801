package io.agentry.company;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The company numbers an import has seen, to find a number given twice in one snapshot. Its memory
 * does not grow with the snapshot: eight digits are one bit in a 100-million-bit set (12.5 MB), and
 * two letters and six digits one bit in a million-bit set per prefix. Only numbers of neither shape,
 * which the register barely has, are kept as strings.
 */
final class CompanyNumberSet {
    private static final int ALL_DIGITS = 100_000_000;
    private static final int SIX_DIGITS = 1_000_000;

    private final BitSet digits = new BitSet(ALL_DIGITS);
    private final Map<String, BitSet> byPrefix = new HashMap<>();
    private final Set<String> others = new HashSet<>();

    /** Adds a normalised number; false if it was already there. */
    boolean add(String number) {
        if (digitsFrom(number, 0)) {
            return set(digits, Integer.parseInt(number));
        }
        if (Character.isLetter(number.charAt(0)) && Character.isLetter(number.charAt(1)) && digitsFrom(number, 2)) {
            BitSet set = byPrefix.computeIfAbsent(number.substring(0, 2), p -> new BitSet(SIX_DIGITS));
            return set(set, Integer.parseInt(number, 2, number.length(), 10));
        }
        return others.add(number);
    }

    private static boolean set(BitSet set, int index) {
        if (set.get(index)) {
            return false;
        }
        set.set(index);
        return true;
    }

    private static boolean digitsFrom(String number, int from) {
        for (int i = from; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
