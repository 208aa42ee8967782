package dev.breakwater.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private final StrictJson reader = new StrictJson();

    private String error(String json) {
        return assertThrows(ConfigException.class, () -> reader.read(json.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void readsTheDocument() throws ConfigException {
        ConfigDocument document = reader.read(("{\"revision\": 7, \"apis\": [{\"id\": \"echo\", \"path\": \"echo\","
                + "\"serviceUrl\": \"http://b\", \"subscriptionRequired\": false, \"hostnames\": [\"a.com\"],"
                + "\"operations\": [{\"id\": \"get\", \"method\": \"GET\", \"urlTemplate\": \"/x\"}]}]}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(7, document.revision());
        assertEquals("GET", document.apis().get(0).operations().get(0).method());
        assertEquals(document, reader.read(reader.write(document)), "what it writes, it reads back");
    }

    @Test
    void unknownPropertiesAreErrorsWithTheirPath() {
        String message = error("{\"revision\": 1, \"apis\": [{\"id\": \"a\",\n \"pathh\": \"x\"}]}");
        assertTrue(message.startsWith("unknown property 'pathh' at $.apis[0].pathh (line 2"), message);
        assertTrue(message.contains("serviceUrl"), "lists the known properties: " + message);
    }

    @Test
    void malformedJsonNamesTheLine() {
        assertTrue(error("{\"revision\": 1,\n\"apis\": [}").startsWith("malformed JSON (line 2"));
    }

    @Test
    void wrongTypesDuplicatesAndTrailingGarbageAreErrors() {
        assertTrue(error("{\"revision\": \"7\"}").contains("$.revision"));
        assertTrue(error("{\"revision\": 1, \"revision\": 2}").contains("Duplicate field 'revision'"));
        assertTrue(error("{\"revision\": 1} {").contains("more follows the end of the document"));
        assertTrue(error("").contains("empty"));
    }

    /** A token request's shape, for a time value. */
    record Expiring(Instant expiry) {
    }

    @Test
    void aValueOfTheWrongKindSaysWhatWasExpectedAndWhatWasFoundInPlainWords() {
        assertEquals("at $.revision (line 1, column 14): expected a whole number, not the string \"one\"",
                error("{\"revision\": \"one\"}"));
        assertEquals("at $.revision (line 1, column 14): expected a whole number, not the number 1.5",
                error("{\"revision\": 1.5}"), "no silent truncation");
        assertEquals("at $.apis[0].path (line 2, column 9): expected a string, not the number 5",
                error("{\"apis\": [{\"id\": \"a\",\n\"path\": 5}]}"));
        assertEquals("at $.apis[0].subscriptionRequired (line 1, column 47): expected true or false, not the string \"yes\"",
                error("{\"apis\": [{\"id\": \"a\", \"subscriptionRequired\": \"yes\"}]}"));
        assertEquals("at $.apis (line 1, column 10): expected an array, not the string \"x\"", error("{\"apis\": \"x\"}"));
        String time = assertThrows(ConfigException.class, () -> reader.read(
                "{\"expiry\": \"tomorrow\"}".getBytes(StandardCharsets.UTF_8), Expiring.class)).getMessage();
        assertEquals("at $.expiry (line 1, column 12): expected an ISO-8601 instant such as 2026-12-01T00:00:00Z, "
                + "not the string \"tomorrow\"", time);
    }

    @Test
    void noStringMayBeLongerThanAPolicyDocumentMayBe() throws ConfigException {
        String fits = "x".repeat(ConfigLimits.MAX_STRING_CHARS);
        assertEquals(fits, reader.read(("{\"policy\": \"" + fits + "\"}").getBytes(StandardCharsets.UTF_8)).policy());
        String message = error("{\"apis\": [{\"id\": \"a\", \"policy\": \"" + fits + "x\"}]}");
        assertTrue(message.startsWith("the string at $.apis[0].policy (line 1, column "), message);
        assertTrue(message.contains("longer than 262144 characters"), message);
        assertFalse(message.contains("StreamReadConstraints"), message);
    }
}
