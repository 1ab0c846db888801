package io.agentry.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void json_for_the_database_keeps_every_character_but_the_nul_postgresql_cannot_store() {
        String text = "10–500 employees, £1m, Zoë’s café \u0000 end";

        String json = Json.writeForDatabase(Json.object().put("text", text));

        assertThat(Json.read(json).path("text").asText()).isEqualTo(text.replace('\u0000', '\uFFFD'));
    }
}
