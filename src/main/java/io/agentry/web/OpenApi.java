package io.agentry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 document of the routes the server has, made from the same route table it serves,
 * so that it cannot list a route the server lacks or miss one it has. Request bodies are
 * described from their records' components.
 */
final class OpenApi {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private OpenApi() {}

    static ObjectNode document(List<Route> routes, String version) {
        ObjectNode document = Json.object();
        document.put("openapi", "3.0.3");
        document.putObject("info")
                .put("title", "Agentry API")
                .put("version", version)
                .put("description", "Durable execution of business-intelligence agents. See docs/api.md.");
        ObjectNode paths = document.putObject("paths");
        for (Route route : routes) {
            ObjectNode path =
                    paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        document.putObject("components")
                .putObject("securitySchemes")
                .putObject("bearer")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("description", "An org's key (agk_…), or the operator token");
        return document;
    }

    private static ObjectNode operation(Route route) {
        ObjectNode operation = Json.object();
        operation.put("summary", route.summary());
        operation.put("x-access", route.access().name().toLowerCase(Locale.ROOT));
        if (route.access() != Access.PUBLIC) {
            operation.putArray("security").addObject().putArray("bearer");
        }
        ArrayNode parameters = operation.putArray("parameters");
        Matcher matcher = PATH_PARAMETER.matcher(route.path());
        while (matcher.find()) {
            parameters
                    .addObject()
                    .put("name", matcher.group(1))
                    .put("in", "path")
                    .put("required", true)
                    .putObject("schema")
                    .put("type", "string");
        }
        if (route.body() != null) {
            operation
                    .putObject("requestBody")
                    .put("required", true)
                    .putObject("content")
                    .putObject("application/json")
                    .set("schema", schema(route.body()));
        }
        ObjectNode responses = operation.putObject("responses");
        if (route.events() != null) {
            responses.putObject("200").put("description", "text/event-stream");
        } else {
            responses
                    .putObject(route.method().name().equals("POST") ? "2XX" : "200")
                    .put("description", "success");
        }
        responses
                .putObject("4XX")
                .put("description", "{\"error\", \"code\", \"details\"}: the request was refused; nothing changed");
        return operation;
    }

    static JsonNode schema(Type type) {
        ObjectNode schema = Json.object();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            schema.put("type", "integer");
        } else if (raw == Double.class || raw == double.class || Number.class.isAssignableFrom(raw)) {
            schema.put("type", "number");
        } else if (raw == Boolean.class || raw == boolean.class) {
            schema.put("type", "boolean");
        } else if (List.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            if (type instanceof ParameterizedType p) {
                schema.set("items", schema(p.getActualTypeArguments()[0]));
            }
        } else if (raw.isRecord()) {
            schema.put("type", "object").put("additionalProperties", false);
            ObjectNode properties = schema.putObject("properties");
            for (RecordComponent component : raw.getRecordComponents()) {
                properties.set(SNAKE_CASE.translate(component.getName()), schema(component.getGenericType()));
            }
        } else if (raw.isEnum()) {
            schema.put("type", "string");
        } else if (JsonNode.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            schema.put("type", "object");
        } else {
            schema.put("type", "string");
        }
        return schema;
    }
}
