package dev.breakwater.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Jackson's failures put as what to change: where (JSON path and line), what was expected and
 * what was found ({@code expected a whole number, not the string "one"}), never Jackson's own
 * wording about coercion configs, creators or {@code DateTimeParseException}s.
 */
final class JsonMessages {

    private static final Set<Class<?>> WHOLE = Set.of(long.class, int.class, short.class, byte.class, Long.class,
            Integer.class, Short.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> DECIMAL = Set.of(double.class, float.class, Double.class, Float.class,
            BigDecimal.class);
    private static final int QUOTED_MAX = 40;

    private JsonMessages() {
    }

    /**
     * A value of the wrong kind: {@code at $.a (line 1, column 7): expected a whole number, not
     * the string "one"}.
     *
     * @param parser the parser that read the document, standing on the value that failed
     */
    static String mismatch(MismatchedInputException e, JsonParser parser) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return "malformed JSON" + where(e.getLocation()) + ": more follows the end of the document";
        }
        String at = "at " + path(e.getPath()) + where(e.getLocation()) + ": ";
        String found = found(parser);
        if (e.getTargetType() == null || found == null) {
            return at + firstLine(original);
        }
        return at + "expected " + expected(e.getTargetType()) + ", not " + found;
    }

    /** What a value of the type is written as in JSON. */
    static String expected(Class<?> type) {
        if (WHOLE.contains(type)) {
            return "a whole number";
        }
        if (DECIMAL.contains(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-12-01T00:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** The value the parser stands on, as a person would name it. */
    private static String found(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        try {
            return switch (token) {
                case VALUE_STRING -> "the string \"" + shortened(parser.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shortened(parser.getText());
                case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getText();
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                case START_ARRAY, END_ARRAY -> "an array";
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    private static String shortened(String text) {
        return text.length() <= QUOTED_MAX ? text : text.substring(0, QUOTED_MAX) + "…";
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's messages go on about their source; the first clause is the useful part. */
    static String firstLine(String message) {
        int cut = message.indexOf(" (for ");
        cut = cut < 0 ? message.indexOf('\n') : cut;
        return cut < 0 ? message : message.substring(0, cut);
    }
}
