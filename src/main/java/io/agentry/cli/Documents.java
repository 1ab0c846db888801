package io.agentry.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agentry.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records inside a JSON document ({@code StreamReports}), read back for the text views. Fields
 * a record does not have are passed over: a run comes with its {@code steps}, and a newer server
 * may send more than this command knows.
 */
final class Documents {
    private Documents() {}

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return reader(type).readValue(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from " + node, e);
        }
    }

    static <T> List<T> list(JsonNode array, Class<T> type) {
        List<T> items = new ArrayList<>();
        array.forEach(node -> items.add(read(node, type)));
        return items;
    }

    private static ObjectReader reader(Class<?> type) {
        return Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
