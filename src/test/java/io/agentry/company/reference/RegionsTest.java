package io.agentry.company.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionsTest {
    private final Regions regions = ReferenceData.bundled().regions();

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "NE1 4ST, North East",
        "M1 1AE, North West",
        "LS1 4DY, Yorkshire and The Humber",
        "NG1 5FS, East Midlands",
        "B1 1BB, West Midlands",
        "CB2 1TN, East of England",
        "EC1A 1BB, London",
        "OX1 2JD, South East",
        "BS1 5TR, South West",
        "CF10 1EP, Wales",
        "EH1 1YZ, Scotland",
        "BT1 5GS, Northern Ireland",
    })
    void a_postcode_gives_the_region_of_its_area(String postcode, String region) {
        assertThat(regions.regionOf(postcode)).contains(region);
        assertThat(regions.regionOfArea(regions.postcodeArea(postcode).orElseThrow()))
                .contains(region);
    }

    @Test
    void case_and_spaces_do_not_matter() {
        assertThat(regions.regionOf("m1 1ae")).contains("North West");
        assertThat(regions.regionOf("SW1A1AA")).contains("London");
        assertThat(regions.regionOf("  rg26   5at ")).contains("South East");
        assertThat(regions.postcodeArea("ec1a 1bb")).contains("EC");
        assertThat(regions.postcodeArea("W1A 0AX")).contains("W");
    }

    @Test
    void an_outward_code_alone_gives_its_area() {
        assertThat(regions.postcodeArea("M11")).contains("M");
        assertThat(regions.regionOf("EC1A")).contains("London");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "12345", "M", "GIR 0AA", "BFPO 123", "QQ1 1AA", "M1 1AE X"})
    void what_is_not_a_uk_postcode_has_no_region(String garbage) {
        assertThat(regions.regionOf(garbage)).isEmpty();
        assertThat(regions.postcodeArea(garbage)).isEmpty();
    }

    @Test
    void null_has_no_region() {
        assertThat(regions.regionOf(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GY1 1AA", "JE2 3AB", "IM1 1AD"})
    void crown_dependencies_have_an_area_but_no_uk_region(String postcode) {
        assertThat(regions.postcodeArea(postcode)).isPresent();
        assertThat(regions.regionOf(postcode)).isEmpty();
    }

    @Test
    void the_twelve_itl1_regions() {
        assertThat(regions.regions())
                .containsExactly(
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
    }

    @Test
    void every_region_has_postcode_areas_and_all_121_uk_areas_are_assigned() {
        int assigned = 0;
        for (String region : regions.regions()) {
            assertThat(regions.areasIn(region)).as(region).isNotEmpty();
            assigned += regions.areasIn(region).size();
        }
        assertThat(assigned).isEqualTo(121);
        assertThat(regions.areasIn("wales")).containsExactly("CF", "LD", "LL", "NP", "SA");
        assertThat(regions.areaName("m")).contains("Manchester");
    }
}
