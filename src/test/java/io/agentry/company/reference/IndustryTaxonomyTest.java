package io.agentry.company.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IndustryTaxonomyTest {
    private final IndustryTaxonomy industries = ReferenceData.bundled().industries();

    @Test
    void saas_is_software_publishing_development_and_hosting() {
        IndustryMatch saas = industries.resolve("saas");

        assertThat(saas.term()).isEqualTo("saas");
        assertThat(saas.sicCodes()).containsExactly("58290", "62012", "63110");
        assertThat(saas.sicPrefixes()).isEmpty();
    }

    @Test
    void fintech_resolves_in_any_case_and_spacing() {
        assertThat(industries.resolve("FinTech").sicCodes()).contains("64999", "66190");
        assertThat(industries.resolve("fin tech"))
                .isEqualTo(new IndustryMatch(
                        "fin tech",
                        industries.resolve("FinTech").sicCodes(),
                        industries.resolve("FinTech").sicPrefixes()));
    }

    @Test
    void cybersecurity_is_it_consultancy_and_other_it_services() {
        assertThat(industries.resolve("Cybersecurity").sicCodes()).containsExactly("62020", "62090");
        assertThat(industries.resolve("cyber security").sicCodes()).containsExactly("62020", "62090");
    }

    @Test
    void ecommerce_is_one_label_however_it_is_spelt() {
        for (String spelling : new String[] {"e-commerce", "Ecommerce", "E-Commerce", " E commerce "}) {
            assertThat(industries.resolve(spelling).sicCodes()).as(spelling).containsExactly("47910");
        }
    }

    @Test
    void manufacturing_is_every_division_of_section_c() {
        IndustryMatch manufacturing = industries.resolve("Manufacturing");

        assertThat(manufacturing.sicCodes()).isEmpty();
        assertThat(manufacturing.sicPrefixes())
                .hasSize(24)
                .contains("10", "26", "33")
                .doesNotContain("35");
        assertThat(manufacturing.matches("25620")).isTrue();
        assertThat(manufacturing.matches("62012")).isFalse();
    }

    @Test
    void an_ampersand_and_the_word_and_are_the_same() {
        assertThat(industries.resolve("marketing and advertising").sicPrefixes())
                .contains("73");
        assertThat(industries.resolve("Marketing & Advertising").sicCodes()).contains("70210");
    }

    @Test
    void an_alias_resolves_to_its_label() {
        assertThat(industries.resolve("Machine Learning").sicCodes())
                .isEqualTo(industries.resolve("AI").sicCodes());
    }

    @Test
    void a_five_digit_code_is_an_exact_code() {
        assertThat(industries.resolve("62012")).isEqualTo(new IndustryMatch("62012", Set.of("62012"), Set.of()));
    }

    @Test
    void a_class_or_division_is_a_prefix() {
        assertThat(industries.resolve("6201").sicPrefixes()).containsExactly("6201");
        assertThat(industries.resolve(" 62 ").sicPrefixes()).containsExactly("62");
        assertThat(industries.resolve("62").matches("62090")).isTrue();
    }

    @Test
    void a_section_is_all_its_divisions() {
        assertThat(industries.resolve("J").sicPrefixes()).containsExactly("58", "59", "60", "61", "62", "63");
        assertThat(industries.resolve("section j").sicPrefixes()).containsExactly("58", "59", "60", "61", "62", "63");
    }

    @Test
    void a_code_of_a_division_sic_2007_does_not_have_is_unknown() {
        assertThatThrownBy(() -> industries.resolve("04"))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessageStartingWith("unknown industry \"04\"");
        assertThatThrownBy(() -> industries.resolve("section Z")).isInstanceOf(UnknownReferenceException.class);
    }

    @Test
    void an_unknown_label_is_refused_with_the_known_labels() {
        assertThatThrownBy(() -> industries.resolve("Foo"))
                .isInstanceOf(UnknownReferenceException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "unknown industry \"Foo\"; use a SIC code, division or section, or one of: AI, Accounting, ")
                .hasMessageContaining("SaaS")
                .hasMessageContaining("E-commerce")
                .satisfies(
                        e -> assertThat(((UnknownReferenceException) e).term()).isEqualTo("Foo"));
    }

    @Test
    void labels_cover_what_users_type() {
        assertThat(industries.labels())
                .hasSizeGreaterThanOrEqualTo(20)
                .contains(
                        "SaaS",
                        "Software",
                        "FinTech",
                        "Cybersecurity",
                        "E-commerce",
                        "Manufacturing",
                        "Healthcare",
                        "HealthTech",
                        "Biotech",
                        "EdTech",
                        "PropTech",
                        "Marketing & Advertising",
                        "Consulting",
                        "Legal",
                        "Accounting",
                        "Recruitment",
                        "Logistics",
                        "Construction",
                        "Retail",
                        "Hospitality",
                        "Media",
                        "Telecommunications",
                        "Energy",
                        "CleanTech",
                        "AgriTech",
                        "Financial Services",
                        "Insurance",
                        "Real Estate",
                        "Data & Analytics",
                        "AI")
                .isSorted();
    }
}
