package io.agentry.company.reference;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The places a location term stands for: a company matches when its region is one of {@code
 * regions} or its postcode area is one of {@code postcodeAreas}. A country or region name fills
 * the regions; a postcode area or town fills the areas.
 */
public record LocationMatch(String term, Set<String> regions, Set<String> postcodeAreas) {
    public LocationMatch {
        regions = Collections.unmodifiableSet(new LinkedHashSet<>(regions));
        postcodeAreas = Collections.unmodifiableSet(new LinkedHashSet<>(postcodeAreas));
    }
}
