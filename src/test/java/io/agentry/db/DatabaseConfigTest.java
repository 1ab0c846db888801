package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseConfigTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "jdbc:postgresql://db:5432/x?user=u&password=s3cret | jdbc:postgresql://db:5432/x?user=u&password=***",
                "jdbc:postgresql://db/x?sslpassword=s3cret;other | jdbc:postgresql://db/x?sslpassword=***;other",
                "jdbc:postgresql://u:s3:cret@db/x | jdbc:postgresql://u:***@db/x",
                "unknown host u:s3cret@db.example | unknown host u:***@db.example",
                "'postgres://u:s3cret@db/x' is not usable | 'postgres://u:***@db/x' is not usable",
                "expected postgres://USER:PASS@HOST:PORT/DB | expected postgres://USER:PASS@HOST:PORT/DB",
                "at 10:30 nothing happened | at 10:30 nothing happened"
            })
    void passwords_in_urls_are_hidden_wherever_they_appear_in_a_text(String text, String hidden) {
        assertThat(DatabaseConfig.hidePasswords(text)).isEqualTo(hidden);
    }

    @Test
    void describe_leaves_out_the_query_and_the_password() {
        DatabaseConfig config =
                new DatabaseConfig("jdbc:postgresql://u:s3cret@db:5432/x?password=s3cret", "u", "p", Path.of("d"), 10);

        assertThat(config.describe()).isEqualTo("jdbc:postgresql://u:***@db:5432/x");
    }

    @Test
    void values_out_of_range_are_refused_in_field_words_without_the_password() {
        assertThatThrownBy(() -> new DatabaseConfig(null, null, null, Path.of("d"), 0))
                .hasMessage("poolSize must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> new DatabaseConfig("postgres://u:s3cret@db/x", null, null, Path.of("d"), 10))
                .hasMessage("url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was "
                        + "postgres://u:***@db/x");
    }
}
