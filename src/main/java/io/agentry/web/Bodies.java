package io.agentry.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.agentry.support.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads request bodies into records, strictly: a field the record does not have is a 400 naming
 * every such field (nothing is written that the route did not ask for), and a value of the wrong
 * type is a 400 naming its field.
 */
final class Bodies {
    /**
     * The product's mapper, refusing what it would otherwise coerce: a number where text is
     * expected, text or a fraction where a whole number is, anything but true or false for a flag.
     */
    private static final ObjectMapper STRICT = strict(Json.MAPPER.copy());

    private static final ObjectReader TREE = Json.MAPPER
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Bodies() {}

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    static <T> T read(Context context, Class<T> type) {
        byte[] bytes = context.bodyAsBytes();
        if (bytes.length == 0) {
            throw new ApiException(400, "missing_body", "this request needs a JSON body");
        }
        String contentType = context.contentType();
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(
                    415, "unsupported_media_type", "the body must be JSON (Content-Type: application/json)");
        }
        JsonNode tree;
        try {
            tree = TREE.readTree(bytes);
        } catch (IOException e) {
            throw new ApiException(400, "malformed_json", "the body is not valid JSON: " + brief(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiException(400, "malformed_json", "the body must be a JSON object");
        }
        try {
            return STRICT.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            List<String> unknown = unknownFields(tree, e);
            throw new ApiException(
                    400,
                    "unknown_field",
                    "unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown),
                    Map.of("fields", unknown));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ApiException(400, "invalid_field", cause.getMessage(), Map.of("field", path(e)));
        } catch (InvalidFormatException e) {
            String field = path(e);
            throw ApiException.invalid(
                    field, field + " must be " + typeName(e.getTargetType()) + ", not " + e.getValue());
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw ApiException.invalid(field, field + " must be " + typeName(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_body", brief(e));
        }
    }

    /** Every field of the object that held the first unknown one that its record does not know. */
    private static List<String> unknownFields(JsonNode tree, UnrecognizedPropertyException e) {
        JsonNode holder = tree;
        String prefix = "";
        List<JsonMappingException.Reference> path = e.getPath();
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            holder = step.getFieldName() != null ? holder.path(step.getFieldName()) : holder.path(step.getIndex());
            prefix += step.getFieldName() != null ? step.getFieldName() + "." : "[" + step.getIndex() + "].";
        }
        List<String> unknown = new ArrayList<>();
        var known = e.getKnownPropertyIds();
        var names = holder.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (known == null || !known.contains(name)) {
                unknown.add(prefix + name);
            }
        }
        return unknown.isEmpty() ? List.of(prefix + e.getPropertyName()) : unknown;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (JsonNode.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String brief(Exception e) {
        String message = e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
