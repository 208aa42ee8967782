package dev.breakwater.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads JSON answers in tests and checks their fields by type and value, so that a test does
 * not pass on a substring that happens to be there ({@code "revision":2} inside
 * {@code "revision":20}, a timestamp that is only a prefix).
 */
public final class Json {

    /** Strict: text after the JSON value (a second body, an HTML page) is an error, not ignored. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Parses a JSON text; fails the test, showing the text, when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            assertNotNull(node, "an empty body instead of JSON");
            return node;
        } catch (JsonProcessingException e) {
            return fail("not JSON (" + e.getOriginalMessage() + "): " + text);
        }
    }

    /**
     * An error body as the gateway and the management plane write them,
     * {@code {"statusCode": N, "message": "..."}}: checks the code and returns the message.
     */
    public static String error(String body, int statusCode) {
        JsonNode node = parse(body);
        assertEquals(statusCode, integer(node, "statusCode"), body);
        return text(node, "message");
    }

    /** A field that must be present and not null. */
    public static JsonNode field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        assertTrue(value != null && !value.isNull(), "no '" + name + "' in " + object);
        return value;
    }

    /** A field that must be a non-empty string. */
    public static String text(JsonNode object, String name) {
        JsonNode value = field(object, name);
        assertTrue(value.isTextual() && !value.asText().isEmpty(), "'" + name + "' is not a non-empty string in " + object);
        return value.asText();
    }

    /** A field that must be an integral number (not a string holding one). */
    public static long integer(JsonNode object, String name) {
        JsonNode value = field(object, name);
        assertTrue(value.isIntegralNumber(), "'" + name + "' is not an integer in " + object);
        return value.asLong();
    }

    /** A field that must be a JSON boolean. */
    public static boolean bool(JsonNode object, String name) {
        JsonNode value = field(object, name);
        assertTrue(value.isBoolean(), "'" + name + "' is not a boolean in " + object);
        return value.asBoolean();
    }

    /** A field that must be absent (or null). */
    public static void absent(JsonNode object, String name) {
        JsonNode value = object.get(name);
        assertTrue(value == null || value.isNull(), "'" + name + "' should be absent in " + object);
    }

    /**
     * A field that must be an ISO-8601 instant within {@code within} before now (and not in
     * the future: the test and the server share the clock).
     */
    public static Instant recentInstant(JsonNode object, String name, Duration within) {
        String text = text(object, name);
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fail("'" + name + "' is not an ISO-8601 instant (" + e.getMessage() + ") in " + object);
        }
        Instant now = Instant.now();
        assertFalse(instant.isAfter(now.plusSeconds(1)), "'" + name + "' is in the future (now " + now + ") in " + object);
        assertFalse(instant.isBefore(now.minus(within)),
                "'" + name + "' is older than " + within + " (now " + now + ") in " + object);
        return instant;
    }
}
