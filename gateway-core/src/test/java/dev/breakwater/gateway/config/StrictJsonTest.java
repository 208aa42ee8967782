package dev.breakwater.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
        assertTrue(error("{\"revision\": 1} {").contains("Trailing token"));
        assertTrue(error("").contains("empty"));
    }
}
