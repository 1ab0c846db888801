package io.agentry.company.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationsTest {
    private final Locations locations = ReferenceData.bundled().locations();
    private final Regions regions = ReferenceData.bundled().regions();

    @Test
    void the_uk_is_all_twelve_regions() {
        LocationMatch uk = locations.resolve("UK");

        assertThat(uk.regions()).containsExactlyElementsOf(regions.regions());
        assertThat(uk.postcodeAreas()).isEmpty();
        assertThat(locations.resolve("united kingdom").regions()).isEqualTo(uk.regions());
        assertThat(locations.resolve("U.K.").regions()).isEqualTo(uk.regions());
    }

    @Test
    void great_britain_excludes_northern_ireland() {
        for (String name : new String[] {"GB", "Great Britain", "britain"}) {
            assertThat(locations.resolve(name).regions())
                    .as(name)
                    .hasSize(11)
                    .contains("Scotland", "Wales", "London")
                    .doesNotContain("Northern Ireland");
        }
    }

    @Test
    void england_is_the_nine_english_regions() {
        assertThat(locations.resolve("England").regions())
                .hasSize(9)
                .doesNotContain("Wales", "Scotland", "Northern Ireland");
    }

    @Test
    void ireland_is_northern_ireland() {
        assertThat(locations.resolve("Ireland").regions()).containsExactly("Northern Ireland");
    }

    @Test
    void a_region_resolves_by_its_name_in_any_case() {
        assertThat(locations.resolve("london").regions()).containsExactly("London");
        assertThat(locations.resolve("Yorkshire and the Humber").regions()).containsExactly("Yorkshire and The Humber");
        assertThat(locations.resolve("Scotland").regions()).containsExactly("Scotland");
        assertThat(locations.resolve("North West England").regions()).containsExactly("North West");
    }

    @Test
    void a_town_is_its_postcode_area() {
        LocationMatch manchester = locations.resolve("Manchester");

        assertThat(manchester.regions()).isEmpty();
        assertThat(manchester.postcodeAreas()).containsExactly("M");
        assertThat(locations.resolve("leeds").postcodeAreas()).containsExactly("LS");
        assertThat(locations.resolve("stoke on trent").postcodeAreas()).containsExactly("ST");
    }

    @Test
    void a_postcode_area_code_is_that_area() {
        assertThat(locations.resolve("EC").postcodeAreas()).containsExactly("EC");
        assertThat(locations.resolve("m").postcodeAreas()).containsExactly("M");
    }

    @Test
    void an_alias_may_name_postcode_areas() {
        assertThat(locations.resolve("East Anglia").postcodeAreas()).containsExactly("CB", "IP", "NR", "PE");
    }

    @Test
    void an_unknown_location_is_refused_with_what_is_accepted() {
        assertThatThrownBy(() -> locations.resolve("Atlantis"))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("unknown location \"Atlantis\"; use a country (UK, England, …), a region (London, …),"
                        + " a postcode area (e.g. M, EC) or its town (e.g. Manchester)");
    }
}
