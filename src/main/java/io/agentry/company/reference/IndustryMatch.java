package io.agentry.company.reference;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SIC codes an industry term stands for. A company matches when one of its codes is in
 * {@code sicCodes} (exact 5-digit codes) or starts with one of {@code sicPrefixes} (2-digit
 * divisions, 3-digit groups or 4-digit classes, every code under which belongs).
 */
public record IndustryMatch(String term, Set<String> sicCodes, Set<String> sicPrefixes) {
    public IndustryMatch {
        sicCodes = Collections.unmodifiableSet(new TreeSet<>(sicCodes));
        sicPrefixes = Collections.unmodifiableSet(new TreeSet<>(sicPrefixes));
    }

    public boolean matches(String sicCode) {
        return sicCode != null
                && (sicCodes.contains(sicCode) || sicPrefixes.stream().anyMatch(sicCode::startsWith));
    }
}
