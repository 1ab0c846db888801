package io.agentry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyNumbersTest {
    @Test
    void each_registry_starts_at_the_top_of_its_range() {
        CompanyNumbers numbers = new CompanyNumbers();

        assertThat(numbers.next(Jurisdiction.ENGLAND_AND_WALES, false)).isEqualTo("90000000");
        assertThat(numbers.next(Jurisdiction.ENGLAND_AND_WALES, false)).isEqualTo("90000001");
        assertThat(numbers.next(Jurisdiction.ENGLAND_AND_WALES, true)).isEqualTo("OC900000");
        assertThat(numbers.next(Jurisdiction.SCOTLAND, false)).isEqualTo("SC900000");
        assertThat(numbers.next(Jurisdiction.SCOTLAND, true)).isEqualTo("SO900000");
        assertThat(numbers.next(Jurisdiction.NORTHERN_IRELAND, false)).isEqualTo("NI900000");
        assertThat(numbers.next(Jurisdiction.NORTHERN_IRELAND, true)).isEqualTo("NC900000");
    }

    @Test
    void a_prefixed_range_ends_at_999999_and_then_gives_no_number() {
        CompanyNumbers numbers = new CompanyNumbers();
        String last = null;
        for (int i = 0; i < CompanyNumbers.PREFIXED_CAPACITY; i++) {
            last = numbers.next(Jurisdiction.SCOTLAND, false);
        }

        assertThat(last).isEqualTo("SC999999");
        assertThat(numbers.next(Jurisdiction.SCOTLAND, false)).isNull();
        assertThat(numbers.next(Jurisdiction.SCOTLAND, true)).isEqualTo("SO900000");
    }

    @Test
    void when_the_prefixed_ranges_are_full_companies_register_in_england_and_wales_as_companies() {
        CompanyGenerator generator = new CompanyGenerator(3, new CompanyNumbers(0));

        for (int i = 0; i < 2000; i++) {
            Company company = generator.next();
            assertThat(company.number()).matches("9\\d{7}");
            assertThat(company.address().region().jurisdiction()).isEqualTo(Jurisdiction.ENGLAND_AND_WALES);
            assertThat(company.category()).isNotEqualTo(Category.PARTNERSHIP);
            assertThat(company.name()).doesNotEndWith(" LLP");
        }
    }
}
