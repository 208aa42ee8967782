package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Await;
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

    /** Waits until at least {@code expected} requests are counted, then checks there are not more. */
    private static void awaitDelivered(ManagementPlaneFixture plane, long expected) throws Exception {
        Await.until(expected + " requests counted at the management plane", BOUND, () -> delivered(plane),
                delivered -> delivered >= expected);
        assertEquals(expected, delivered(plane), "no request is counted twice");
    }

    private static long gauge(ManagedGateway gateway, String name) {
        return (Long) gateway.server.gateway().registry().getGauges().get(name).getValue();
    }

    /** Waits until the gateway's spool is empty: every bucket it closed was acknowledged and forgotten. */
    private static void awaitSpoolEmpty(ManagedGateway gateway) throws Exception {
        Await.until("the gateway's telemetry spool is empty", BOUND, () -> gauge(gateway, "telemetry.spooled") == 0);
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
                awaitSpoolEmpty(gateway);

                relay.cut();
                for (int i = 0; i < 7; i++) {
                    assertEquals(200, gateway.get("/echo/x").statusCode(), "traffic does not need the management plane");
                }
                // Positive control for "nothing arrives during the outage": the outage's buckets closed and
                // were spooled, and a heartbeat (which delivers the spool) failed after that.
                Await.until("the outage's buckets are spooled", BOUND, () -> gauge(gateway, "telemetry.spooled") > 0);
                long failures = gauge(gateway, "sync.heartbeatFailures");
                Await.until("a delivery attempt failed with buckets spooled", BOUND,
                        () -> gauge(gateway, "sync.heartbeatFailures") > failures);
                assertEquals(10, delivered(plane), "nothing was delivered while the relay was cut");
                assertTrue(gauge(gateway, "telemetry.spooled") > 0, "the outage's buckets wait in the spool");

                relay.restore();
                awaitDelivered(plane, 17);
                // Positive control for "once": later traffic arrives, so the sender ran again after the
                // catch-up, and every delivered bucket has left the spool: nothing is left to send twice.
                for (int i = 0; i < 3; i++) {
                    assertEquals(200, gateway.get("/echo/x").statusCode());
                }
                awaitDelivered(plane, 20);
                awaitSpoolEmpty(gateway);
                assertEquals(20, delivered(plane));
                assertEquals(0, gauge(gateway, "telemetry.dropped"), "nothing outlived the retention");
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
