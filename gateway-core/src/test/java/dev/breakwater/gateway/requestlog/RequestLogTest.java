package dev.breakwater.gateway.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.metrics.RequestRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestRecord record(String path, String query, int backendStatus) {
        return new RequestRecord(Instant.parse("2026-11-28T10:00:00Z"), "id-1", "echo", null, "GET", path, query, 200,
                backendStatus, 1_234_567, backendStatus < 0 ? -1 : 1_000_000, "10.0.0.7", 3, 512);
    }

    @Test
    void aLineIsJsonWithEveryFieldAndNothingAbsent() throws Exception {
        JsonNode line = JSON.readTree(RequestLog.line(record("/echo/\"quoted\"\\", "x=1", 200), "gw"));
        assertEquals("2026-11-28T10:00:00Z", line.get("time").asText());
        assertEquals("gw", line.get("gateway").asText());
        assertEquals("/echo/\"quoted\"\\?x=1", line.get("url").asText(), "escaped, and read back the same");
        assertEquals(1.23, line.get("totalMs").asDouble());
        assertEquals(1.0, line.get("backendMs").asDouble());
        assertEquals(512, line.get("bytesOut").asLong());
        assertFalse(line.has("operation"), "absent values are left out");

        JsonNode gatewayMade = JSON.readTree(RequestLog.line(record("/x", null, -1), null));
        assertFalse(gatewayMade.has("backendStatus"));
        assertFalse(gatewayMade.has("backendMs"));
        assertFalse(gatewayMade.has("gateway"));
    }

    @Test
    void secretQueryParametersAreRedacted() {
        assertEquals("/a?subscription-key=REDACTED&x=1&Subscription%2DKey=REDACTED&sig=REDACTED&flag",
                RequestLog.url("/a", "subscription-key=s3cret&x=1&Subscription%2DKey=s3cret&sig=abc&flag"));
        assertEquals("/a", RequestLog.url("/a", null));
    }
}
