package io.agentry.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one JSON mapper. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectWriter DATABASE_WRITER = WRITER.with(new NulAsReplacement());

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(Object value) {
        return write(WRITER, value);
    }

    /**
     * JSON for a {@code jsonb} column: as {@link #write}, except that the character U+0000, which
     * PostgreSQL refuses in text and jsonb, becomes U+FFFD (the replacement character). One stray
     * NUL in, say, a scraped web page must not make a whole result unstorable.
     */
    public static String writeForDatabase(Object value) {
        return write(DATABASE_WRITER, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string for a {@code text} column: U+0000 becomes U+FFFD, as in {@link #writeForDatabase}. */
    public static String textForDatabase(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    /** The standard JSON escapes, and U+0000, which PostgreSQL cannot store, written as U+FFFD. */
    private static final class NulAsReplacement extends CharacterEscapes {
        private static final SerializedString REPLACEMENT = new SerializedString("\\uFFFD");
        private final int[] ascii = standardAsciiEscapesForJSON();

        NulAsReplacement() {
            ascii[0] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        /** Asked for U+0000 and for every character beyond ASCII: only U+0000 is replaced. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0 ? REPLACEMENT : null;
        }
    }

    public static JsonNode read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
