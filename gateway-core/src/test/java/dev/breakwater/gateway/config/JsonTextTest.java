package dev.breakwater.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of request-log lines and gateway errors is JSON that reads back to what was written. */
class JsonTextTest {

    @Test
    void everyStringReadsBackAsWritten() throws Exception {
        String[] values = {"", "plain", "\"quoted\"", "back\\slash", "line\nbreak\ttab\u0001", "ü and ✓", "\"", "a\"b\\c\"d"};
        JsonText text = new JsonText();
        for (int i = 0; i < values.length; i++) {
            text.field("k" + i, values[i]);
        }
        JsonNode read = new ObjectMapper().readTree(text.field("n", 42).field("absent", (String) null).close());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], read.get("k" + i).asText());
        }
        assertEquals(42, read.get("n").asInt());
        assertEquals(values.length + 1, read.size(), "an absent value is left out");
    }
}
