package io.agentry.company.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SicIndexTest {
    private final SicIndex sic = ReferenceData.bundled().sic();

    @Test
    void holds_the_21_sections_and_88_divisions_of_sic_2007() {
        assertThat(sic.sections()).hasSize(21);
        assertThat(sic.sections().get(0)).isEqualTo(new SicIndex.Section("A", "Agriculture, forestry and fishing"));
        assertThat(sic.divisions()).hasSize(88);
    }

    @Test
    void the_section_of_a_code_comes_from_its_division() {
        assertThat(sic.sectionOf("62012")).contains("J");
        assertThat(sic.sectionOf("6201")).contains("J");
        assertThat(sic.sectionOf("62")).contains("J");
        assertThat(sic.sectionOf("01110")).contains("A");
        assertThat(sic.sectionOf("99000")).contains("U");
    }

    @Test
    void no_section_for_what_is_not_a_code() {
        assertThat(sic.sectionOf("04000")).isEmpty();
        assertThat(sic.sectionOf("6")).isEmpty();
        assertThat(sic.sectionOf("620123")).isEmpty();
        assertThat(sic.sectionOf("None Supplied")).isEmpty();
        assertThat(sic.sectionOf(null)).isEmpty();
    }

    @Test
    void companies_house_dormant_code_has_no_section() {
        assertThat(sic.sectionOf("99999")).isEmpty();
    }

    @Test
    void titles_of_divisions_and_sections() {
        assertThat(sic.divisionTitle("62012")).contains("Computer programming, consultancy and related activities");
        assertThat(sic.sectionTitle("j")).contains("Information and communication");
        assertThat(sic.divisionsOf("K")).extracting(SicIndex.Division::code).containsExactly("64", "65", "66");
    }
}
