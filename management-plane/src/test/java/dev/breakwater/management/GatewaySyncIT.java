package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real gateways synced from a real management plane, in front of a real backend. */
class GatewaySyncIT {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;
    TestBackend backend;

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir);
        backend = new TestBackend();
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
        backend.close();
    }

    private String api(String path, String policy) {
        return "{\"path\": \"" + path + "\", \"serviceUrl\": \"" + backend.url() + "\", \"subscriptionRequired\": false"
                + (policy == null ? "" : ", \"policy\": \"" + policy.replace("\"", "\\\"") + "\"") + "}";
    }

    private static String header(String name, String value) {
        return "<policies><inbound><base/><set-header name=\"" + name + "\"><value>" + value
                + "</value></set-header></inbound></policies>";
    }

    @Test
    void anApiCreatedThroughTheAdminApiIsServedAndPolicyChangesArriveFast() throws Exception {
        plane.admin("PUT", "/admin/gateways/gw-1", "{}");
        try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw-1", plane.token("gw-1", "primary"), dir.resolve("backup-gw-1"))) {
            assertEquals(201, plane.admin("PUT", "/admin/apis/echo", api("echo", header("X-Version", "0"))).statusCode());
            assertEquals(200, plane.admin("PUT", "/admin/gateways/gw-1/apis/echo", null).statusCode());
            gateway.awaitResponse("/echo/x", response -> response.statusCode() == 200, BOUND);

            List<Long> millis = new ArrayList<>();
            for (int change = 1; change <= 20; change++) {
                String version = String.valueOf(change);
                long start = System.nanoTime();
                assertEquals(200, plane.adminXml("PUT", "/admin/apis/echo/policy", header("X-Version", version)).statusCode());
                gateway.awaitResponse("/echo/x", response -> response.statusCode() == 200
                        && version.equals(parse(response).firstHeader("X-Version")), BOUND);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            System.out.printf("propagation of 20 policy changes to a connected gateway: median %d ms, max %d ms%n",
                    millis.get(9), millis.get(19));
        }
    }

    @Test
    void twoGatewaysServeOnlyTheirOwnApis() throws Exception {
        plane.admin("PUT", "/admin/apis/orders", api("orders", null));
        plane.admin("PUT", "/admin/apis/users", api("users", null));
        plane.admin("PUT", "/admin/gateways/east", "{\"apis\": [\"orders\"]}");
        plane.admin("PUT", "/admin/gateways/west", "{\"apis\": [\"users\", \"orders\"]}");
        try (ManagedGateway east = new ManagedGateway(plane.url(), "east", plane.token("east", "primary"), dir.resolve("backup-east"));
             ManagedGateway west = new ManagedGateway(plane.url(), "west", plane.token("west", "secondary"), dir.resolve("backup-west"))) {
            east.awaitResponse("/orders/1", response -> response.statusCode() == 200, BOUND);
            west.awaitResponse("/users/1", response -> response.statusCode() == 200, BOUND);
            assertEquals(404, east.get("/users/1").statusCode());
            assertEquals(200, west.get("/orders/1").statusCode());

            plane.admin("DELETE", "/admin/gateways/west/apis/orders", null);
            west.awaitResponse("/orders/1", response -> response.statusCode() == 404, BOUND);
            assertEquals(200, east.get("/orders/1").statusCode());
        }
    }

    @Test
    void heartbeatsShowInStatus() throws Exception {
        plane.admin("PUT", "/admin/apis/echo", api("echo", null));
        plane.admin("PUT", "/admin/gateways/gw-1", "{\"apis\": [\"echo\"]}");
        long started = System.nanoTime();
        try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw-1", plane.token("gw-1", "primary"), dir.resolve("backup-gw-1"))) {
            gateway.awaitResponse("/echo/x", response -> response.statusCode() == 200, BOUND);
            gateway.get("/nothing"); // a 404: a client error in the counts
            String instanceId = Json.text(Json.parse(gateway.status()), "instanceId");
            JsonNode instances = Await.until("a heartbeat that counts the 404", BOUND,
                    () -> Json.field(Json.parse(plane.admin("GET", "/admin/gateways/gw-1/status", null).body()), "instances"),
                    list -> list.size() == 1 && list.get(0).path("requests").path("clientErrors").asLong() >= 1);
            long secondsSinceStart = (System.nanoTime() - started) / 1_000_000_000 + 1;
            JsonNode instance = instances.get(0);
            assertEquals(instanceId, Json.text(instance, "instanceId"), "the instance the gateway says it is");
            Json.text(instance, "hostname");
            Json.text(instance, "version");
            assertEquals(2, Json.integer(instance, "revision"));
            assertTrue(Json.bool(instance, "connected"));
            Json.recentInstant(instance, "lastHeartbeat", Duration.ofMinutes(1));
            Json.recentInstant(instance, "lastConfigPull", Duration.ofMinutes(1));
            Json.absent(instance, "lastError");
            long uptime = Json.integer(instance, "uptimeSeconds");
            assertTrue(uptime >= 0 && uptime <= secondsSinceStart, "uptime " + uptime + " s, but the gateway started "
                    + secondsSinceStart + " s ago at most");
            JsonNode requests = Json.field(instance, "requests");
            assertTrue(Json.integer(requests, "total") >= 2, "heartbeats carry request counts: " + requests);
            assertEquals(1, Json.integer(requests, "clientErrors"), requests.toString());
            assertEquals(0, Json.integer(requests, "serverErrors"), requests.toString());
        }
    }

    @Test
    void aManagementPlaneRestartDoesNotStopTrafficAndGatewaysCatchUp() throws Exception {
        plane.admin("PUT", "/admin/apis/echo", api("echo", header("X-Version", "before")));
        plane.admin("PUT", "/admin/gateways/gw-1", "{\"apis\": [\"echo\"]}");
        try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw-1", plane.token("gw-1", "primary"), dir.resolve("backup-gw-1"))) {
            gateway.awaitResponse("/echo/x", response -> response.statusCode() == 200, BOUND);

            long failuresBefore = pullFailures(gateway);
            plane.stop();
            // Traffic until the gateway has seen the management plane gone (a failed pull), and a little after.
            long deadline = System.nanoTime() + BOUND.toNanos();
            int afterFailure = 0;
            while (afterFailure < 5) {
                assertTrue(System.nanoTime() < deadline, "the gateway never noticed the management plane was gone");
                HttpResponse<String> response = gateway.get("/echo/x");
                assertEquals(200, response.statusCode(), "traffic goes on while the management plane is down");
                assertEquals("before", parse(response).firstHeader("X-Version"));
                if (pullFailures(gateway) > failuresBefore) {
                    afterFailure++;
                }
            }
            assertEquals(200, gateway.get("/status-0123456789abcdef").statusCode(), "still ready");

            plane.restart();
            plane.adminXml("PUT", "/admin/apis/echo/policy", header("X-Version", "after"));
            plane.admin("PUT", "/admin/apis/more", api("more", null));
            plane.admin("PUT", "/admin/gateways/gw-1/apis/more", null);
            gateway.awaitResponse("/echo/x", response -> "after".equals(parse(response).firstHeader("X-Version")), BOUND);
            gateway.awaitResponse("/more/x", response -> response.statusCode() == 200, BOUND);
        }
    }

    @Test
    void expiredForgedAndRegeneratedKeyTokensAreRefused() throws Exception {
        plane.admin("PUT", "/admin/gateways/gw-1", "{}");
        String primary = plane.token("gw-1", "primary");
        String secondary = plane.token("gw-1", "secondary");
        String path = "/gateway/v1/gateways/gw-1/configuration";
        assertEquals(200, plane.send("GET", path, null, null, primary).statusCode());

        Matcher parts = Pattern.compile("GatewayKey (.+)&(\\d{12})&(.+)").matcher(primary);
        assertTrue(parts.matches());
        String forged = "GatewayKey gw-1&" + parts.group(2) + "&" + new StringBuilder(parts.group(3)).reverse();
        assertEquals(401, plane.send("GET", path, null, null, forged).statusCode());
        String expired = "GatewayKey gw-1&202001010000&" + parts.group(3);
        assertEquals(401, plane.send("GET", path, null, null, expired).statusCode(), "an expiry changed to the past");
        assertEquals(401, plane.send("GET", "/gateway/v1/gateways/other/configuration", null, null, primary).statusCode());

        assertEquals(204, plane.admin("POST", "/admin/gateways/gw-1/keys/primary/regenerate", null).statusCode());
        HttpResponse<String> regenerated = plane.send("GET", path, null, null, primary);
        assertEquals(401, regenerated.statusCode());
        JsonNode error = Json.parse(regenerated.body());
        assertEquals(401, Json.integer(error, "statusCode"));
        assertTrue(Json.text(error, "message").contains("not valid"), regenerated.body());
        assertEquals(200, plane.send("GET", path, null, null, secondary).statusCode(), "the other key's tokens still work");
    }

    @Test
    void unchangedConfigurationIs304AndALongPollReturnsOnChange() throws Exception {
        plane.admin("PUT", "/admin/gateways/gw-1", "{}");
        String token = plane.token("gw-1", "primary");
        String path = "/gateway/v1/gateways/gw-1/configuration";
        HttpResponse<String> first = plane.send("GET", path, null, null, token);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var conditional = java.net.http.HttpRequest.newBuilder(java.net.URI.create(plane.url() + path + "?wait=1"))
                .header("Authorization", token).header("If-None-Match", etag).build();
        assertEquals(304, plane.http.send(conditional, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "nothing changed within the wait");

        var waiting = plane.http.sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(plane.url() + path + "?wait=30")).header("Authorization", token)
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        Await.until("the management plane holds the long poll", BOUND, () -> plane.heldPolls() == 1);
        assertFalse(waiting.isDone(), "held, not answered: nothing changed yet");

        HttpResponse<String> put = plane.admin("PUT", "/admin/gateways/gw-1", "{\"description\": \"changed\"}");
        long revision = Long.parseLong(put.headers().firstValue("Breakwater-Revision").orElseThrow());
        HttpResponse<String> changed = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS); // well within its 30 s wait
        assertEquals(200, changed.statusCode());
        assertEquals("\"" + revision + "\"", changed.headers().firstValue("ETag").orElseThrow());
        assertEquals(revision, Json.integer(Json.parse(changed.body()), "revision"), "the changed document itself");
        assertEquals(0, plane.heldPolls(), "the answered poll is no longer held");
    }

    private static long pullFailures(ManagedGateway gateway) {
        return (Long) gateway.server.gateway().registry().getGauges().get("sync.pullFailures").getValue();
    }

    private static Echo parse(HttpResponse<String> response) {
        try {
            return Echo.parse(response.body());
        } catch (Exception e) {
            return new Echo("", "", null, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), 0, "");
        }
    }
}
