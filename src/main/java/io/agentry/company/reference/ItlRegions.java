package io.agentry.company.reference;

import java.util.List;
import java.util.Optional;

/**
 * The twelve ITL1 regions of the UK, spelt as the ONS spells them. They are fixed here rather than
 * read from a file: every other file names regions, and a typo in one must be refused, not become a
 * thirteenth region.
 */
final class ItlRegions {
    static final List<String> NAMES = List.of(
            "North East",
            "North West",
            "Yorkshire and The Humber",
            "East Midlands",
            "West Midlands",
            "East of England",
            "London",
            "South East",
            "South West",
            "Wales",
            "Scotland",
            "Northern Ireland");

    private ItlRegions() {}

    /** The official spelling of a region name given in any case or punctuation. */
    static Optional<String> canonical(String name) {
        String key = Terms.key(name);
        return NAMES.stream().filter(region -> Terms.key(region).equals(key)).findFirst();
    }

    static int order(String region) {
        return NAMES.indexOf(region);
    }
}
