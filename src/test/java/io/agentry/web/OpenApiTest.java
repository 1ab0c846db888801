package io.agentry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    @Test
    void the_document_lists_exactly_the_routes_the_router_serves() {
        try (ApiTestServer api = new ApiTestServer()) {
            JsonNode document =
                    api.anonymous().get("/api/openapi.json").expect(200).json();
            assertThat(document.path("openapi").asText()).startsWith("3.");

            List<String> documented = new ArrayList<>();
            document.path("paths")
                    .fields()
                    .forEachRemaining(path -> path.getValue()
                            .fieldNames()
                            .forEachRemaining(
                                    method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(api.server.routerEndpoints());
            assertThat(documented).contains("POST /api/streams/{id}/agents/{agentId}/execute", "GET /api/openapi.json");
        }
    }

    @Test
    void a_request_body_is_described_by_its_fields() {
        try (ApiTestServer api = new ApiTestServer()) {
            JsonNode execute = api.anonymous()
                    .get("/api/openapi.json")
                    .json()
                    .path("paths")
                    .path("/api/streams/{id}/agents/{agentId}/execute")
                    .path("post");
            JsonNode schema = execute.at("/requestBody/content/application~1json/schema");
            assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(schema.path("properties").has("force_execute")).isTrue();
            assertThat(schema.at("/properties/force_execute/type").asText()).isEqualTo("boolean");
            assertThat(execute.path("parameters"))
                    .extracting(p -> p.path("name").asText())
                    .containsExactly("id", "agentId");
        }
    }
}
