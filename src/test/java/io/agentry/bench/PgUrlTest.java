package io.agentry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgUrlTest {

    @Test
    void libpq_url_becomes_a_jdbc_url_with_separate_credentials() {
        PgUrl url = PgUrl.parse("postgres://bench:secret@db.example:6543/queue");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/queue");
        assertThat(url.user()).isEqualTo("bench");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void user_password_and_database_are_percent_decoded() {
        PgUrl url = PgUrl.parse("postgresql://b%40nch:p%3Ass%2Fw+rd%25@localhost/my%20db");

        assertThat(url.user()).isEqualTo("b@nch");
        assertThat(url.password()).isEqualTo("p:ss/w+rd%");
        assertThat(url.database()).isEqualTo("my db");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/my%20db");
    }

    @Test
    void port_defaults_to_5432_and_query_parameters_pass_through() {
        PgUrl url = PgUrl.parse("postgres://u@[::1]/db?sslmode=disable");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db?sslmode=disable");
        assertThat(url.password()).isNull();
    }

    @Test
    void description_never_shows_the_password() {
        PgUrl url = PgUrl.parse("postgres://bench:secret@localhost:5432/db");

        assertThat(url.describe()).doesNotContain("secret").contains("bench@localhost:5432/db");
        assertThat(url.toString()).doesNotContain("secret");
    }

    @Test
    void jdbc_url_is_refused_with_a_message_that_names_the_expected_shape() {
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql://localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres://USER:PASS@HOST:PORT/DB");
    }

    @Test
    void wrong_scheme_bad_port_and_missing_database_are_refused() {
        assertThatThrownBy(() -> PgUrl.parse("mysql://u:p@h:3306/db")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> PgUrl.parse("postgres://u:p@h:99999/db")).hasMessageContaining("port");
        assertThatThrownBy(() -> PgUrl.parse("postgres://u:p@h:5432")).hasMessageContaining("expected");
    }

    @Test
    void refusal_hides_the_password() {
        assertThatThrownBy(() -> PgUrl.parse("mysql://u:hunter2@h/db"))
                .message()
                .doesNotContain("hunter2");
    }
}
