package io.agentry.company;

import java.util.List;

/**
 * A catalogue search: every given criterion must hold. Industries, locations and sizes are the
 * labels users type, resolved through the reference data ("SaaS", "London", "small"); within one
 * criterion any value may match.
 *
 * @param name words the name contains, each as a word or the start of one; null for any
 * @param industries industry labels, SIC codes, divisions or sections
 * @param locations countries, regions, postcode areas or their towns
 * @param sizes size bands: micro, small, medium, large
 * @param status a status as Companies House writes it ("Active", "Liquidation"), any case; null for any
 * @param limit the most companies returned, 1 to {@value #MAX_LIMIT}
 */
public record CompanyQuery(
        String name, List<String> industries, List<String> locations, List<String> sizes, String status, int limit) {
    public static final int MAX_LIMIT = 1000;

    public CompanyQuery {
        industries = List.copyOf(industries);
        locations = List.copyOf(locations);
        sizes = List.copyOf(sizes);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
