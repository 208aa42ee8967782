package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.FileScan;
import dev.breakwater.gateway.testing.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backends on a real management plane: {@code /admin/backends}, credentials hidden from every GET
 * unless they are named value references, encrypted in the store, served in clear to gateways
 * with the named values they reference, and checked with the gateway's compiler.
 */
class BackendsAdminIT {

    private static final String SECRET = "fn-key-0b1d9e-never-shown";

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir.resolve("plane"));
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
    }

    private static String backend(String headerValue) {
        return "{\"url\": \"http://127.0.0.1:9/orders\", \"description\": \"orders\", \"credentials\": {\"header\": "
                + "{\"x-functions-key\": [" + headerValue + "]}, \"authorization\": {\"scheme\": \"Bearer\", "
                + "\"parameter\": \"{{token}}\"}}, \"circuitBreaker\": {\"rules\": [{\"failureCondition\": {\"count\": 3,"
                + " \"interval\": \"PT1M\", \"statusCodeRanges\": [{\"min\": 500, \"max\": 599}]}, \"tripDuration\": "
                + "\"PT30S\"}]}}";
    }

    @Test
    void aBackendIsCreatedReadUpdatedAndDeletedWithItsSecretsNeverShown() throws Exception {
        assertEquals(201, plane.admin("PUT", "/admin/namedValues/token", "{\"value\": \"t0ken\", \"secret\": true}")
                .statusCode());
        HttpResponse<String> created = plane.admin("PUT", "/admin/backends/orders", backend("\"" + SECRET + "\""));
        assertEquals(201, created.statusCode(), created.body());
        for (String answer : List.of(created.body(), plane.admin("GET", "/admin/backends/orders", null).body(),
                plane.admin("GET", "/admin/backends", null).body(), plane.admin("GET", "/admin/config", null).body())) {
            assertFalse(answer.contains(SECRET), answer);
        }
        JsonNode shown = Json.parse(plane.admin("GET", "/admin/backends/orders", null).body());
        JsonNode credentials = Json.field(shown, "credentials");
        assertTrue(Json.field(credentials, "header").get("x-functions-key").get(0).isNull(), "a literal is hidden");
        assertEquals("{{token}}", Json.text(Json.field(credentials, "authorization"), "parameter"),
                "a named value reference is no secret");

        // what a GET returned can be written back: the hidden value stays
        HttpResponse<String> again = plane.admin("PUT", "/admin/backends/orders", Json.parse(plane.admin("GET",
                "/admin/backends/orders", null).body()).toString());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(201, plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": \"orders\", "
                + "\"subscriptionRequired\": false}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/east", "{\"apis\": [\"orders\"]}").statusCode());
        JsonNode served = configuration("east");
        JsonNode servedBackend = Json.field(served, "backends").get(0);
        assertEquals(SECRET, Json.field(Json.field(servedBackend, "credentials"), "header").get("x-functions-key")
                .get(0).asText(), "the gateway gets the value it must send");
        assertEquals("token", Json.text(Json.field(served, "namedValues").get(0), "id"),
                "and the named value the backend references");
        assertEquals(201, plane.admin("PUT", "/admin/apis/plain", "{\"path\": \"plain\", \"serviceUrl\": "
                + "\"http://127.0.0.1:9\", \"subscriptionRequired\": false}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/west", "{\"apis\": [\"plain\"]}").statusCode());
        assertFalse(configuration("west").toString().contains(SECRET), "a gateway whose APIs use no backend gets none");

        assertTrue(Json.error(plane.admin("PUT", "/admin/backends/fresh", backend("null")).body(), 400)
                .contains("credentials header.x-functions-key[0] has no value, and none is stored there"));
        assertTrue(Json.error(plane.admin("DELETE", "/admin/backends/orders", null).body(), 400)
                .contains("serviceUrl"), "an API still names it");
        assertEquals(200, plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": "
                + "\"http://127.0.0.1:9\", \"subscriptionRequired\": false}").statusCode());
        assertEquals(204, plane.admin("DELETE", "/admin/backends/orders", null).statusCode());
        assertEquals("no backend 'orders'", Json.error(plane.admin("GET", "/admin/backends/orders", null).body(), 404));
    }

    @Test
    void aBackendTheGatewayWouldRefuseIsRefusedHere() throws Exception {
        assertTrue(Json.error(plane.admin("PUT", "/admin/backends/b", "{\"url\": \"ftp://x\"}").body(), 400)
                .contains("backends[0] 'b': url must be an absolute http:// or https:// URL"));
        assertTrue(Json.error(plane.admin("PUT", "/admin/apis/a", "{\"path\": \"a\", \"subscriptionRequired\": false, "
                + "\"policy\": \"<policies><inbound><set-backend-service backend-id=\\\"ghost\\\"/></inbound></policies>\"}")
                .body(), 400).contains("attribute 'backend-id': no backend 'ghost'"));
    }

    @Test
    void theStoreFileHoldsNoCredential() throws Exception {
        assertEquals(201, plane.admin("PUT", "/admin/namedValues/token", "{\"value\": \"t0ken\", \"secret\": true}")
                .statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/backends/orders", backend("\"" + SECRET + "\"")).statusCode());
        plane.stop();
        assertEquals(List.of(), FileScan.filesContaining(plane.dataDir, SECRET));
        plane.restart();
        assertEquals(201, plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": \"orders\", "
                + "\"subscriptionRequired\": false}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/east", "{\"apis\": [\"orders\"]}").statusCode());
        assertTrue(configuration("east").toString().contains(SECRET), "opened with the store key after a restart");
    }

    private JsonNode configuration(String gatewayId) throws Exception {
        HttpResponse<String> answer = plane.send("GET", "/gateway/v1/gateways/" + gatewayId + "/configuration", null,
                null, plane.token(gatewayId, "primary"));
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.parse(answer.body());
    }
}
