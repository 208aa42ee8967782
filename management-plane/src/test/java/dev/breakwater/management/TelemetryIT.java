package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.TestBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-period request aggregates reach the management plane with the heartbeats; those made
 * while it is out of reach wait in the gateway's spool and arrive once it is back, once.
 */
class TelemetryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static long delivered(ManagementPlaneFixture plane) throws Exception {
        JsonNode buckets = JSON.readTree(plane.admin("GET", "/admin/gateways/gw/metrics?from=2000-01-01T00:00:00Z",
                null).body()).get("buckets");
        long total = 0;
        for (JsonNode row : buckets) {
            total += row.get("bucket").get("count").asLong();
        }
        return total;
    }

    private static void awaitDelivered(ManagementPlaneFixture plane, long expected) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (delivered(plane) != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(expected, delivered(plane));
    }

    @Test
    void telemetryMadeDuringAnOutageArrivesAfterwardsOnce() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("plane"));
             TestBackend backend = new TestBackend()) {
            plane.admin("PUT", "/admin/apis/echo", "{\"path\": \"echo\", \"serviceUrl\": \"" + backend.url()
                    + "\", \"subscriptionRequired\": false}");
            plane.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"echo\"]}");
            String port = plane.url().substring(plane.url().lastIndexOf(':') + 1);
            try (Relay relay = new Relay(Integer.parseInt(port));
                 ManagedGateway gateway = new ManagedGateway(relay.url(), "gw", plane.token("gw", "primary"),
                         dir.resolve("backup"), Map.of(GatewaySettings.TELEMETRY_BUCKET, "2s"))) {
                for (int i = 0; i < 10; i++) {
                    assertEquals(200, gateway.get("/echo/x").statusCode());
                }
                awaitDelivered(plane, 10);

                relay.cut();
                for (int i = 0; i < 7; i++) {
                    assertEquals(200, gateway.get("/echo/x").statusCode(), "traffic does not need the management plane");
                }
                Thread.sleep(5000); // the buckets close and are spooled; every delivery fails
                assertEquals(10, delivered(plane));

                relay.restore();
                awaitDelivered(plane, 17);
                Thread.sleep(3000); // more heartbeats: nothing is delivered twice
                assertEquals(17, delivered(plane));
            }
        }
    }

    @Test
    void aBucketDeliveredTwiceIsKeptOnce() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("plane"))) {
            plane.admin("PUT", "/admin/gateways/gw", "{}");
            String token = plane.token("gw", "primary");
            String report = "{\"instanceId\": \"i-1\", \"buckets\": [{\"start\": \"2026-01-01T10:00:00Z\", \"api\": \"echo\","
                    + " \"count\": 5, \"errors\": 1, \"p50Ms\": 1.5, \"p90Ms\": 2.5, \"p99Ms\": 3.5, \"maxMs\": 4.5}]}";
            for (int i = 0; i < 2; i++) {
                assertEquals(204, plane.send("POST", "/gateway/v1/gateways/gw/telemetry", report, "application/json", token)
                        .statusCode());
            }
            JsonNode buckets = JSON.readTree(plane.admin("GET",
                    "/admin/gateways/gw/metrics?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", null).body())
                    .get("buckets");
            assertEquals(1, buckets.size(), buckets.toString());
            assertEquals(5, buckets.get(0).get("bucket").get("count").asLong());
            assertEquals(3.5, buckets.get(0).get("bucket").get("p99Ms").asDouble());
        }
    }
}
