package io.agentry.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNumberTest {

    @ParameterizedTest
    @CsvSource({
        "04567891, 04567891",
        "' 4567891 ', 04567891",
        "6, 00000006",
        "sc123456, SC123456",
        "OC301540, OC301540",
        "ni012345, NI012345"
    })
    void numbers_are_trimmed_upper_cased_and_padded(String given, String expected) {
        assertThat(CompanyNumber.require(given)).isEqualTo(expected);
        assertThat(CompanyNumber.normalise(given)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "123456789", "SC12345", "0456 7891", "../00001", "04567891?x=1", "ÅB123456"})
    void anything_else_is_refused_naming_the_value(String given) {
        assertThat(CompanyNumber.normalise(given)).isEmpty();
        assertThatThrownBy(() -> CompanyNumber.require(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + given + "\"");
    }

    @Test
    void null_is_refused() {
        assertThat(CompanyNumber.normalise(null)).isEmpty();
        assertThatThrownBy(() -> CompanyNumber.require(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
