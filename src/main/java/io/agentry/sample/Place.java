package io.agentry.sample;

import java.util.List;

/**
 * A post town: its postcode area, some of its real outward codes, its county and its region, with
 * the town and county in capitals and in mixed case, as addresses use both.
 */
record Place(
        Region region,
        String area,
        String town,
        String county,
        List<String> districts,
        String mixedCaseTown,
        String mixedCaseCounty) {

    Place(Region region, String area, String town, String county, List<String> districts) {
        this(region, area, town, county, districts, Words.title(town), Words.title(county));
    }
}
