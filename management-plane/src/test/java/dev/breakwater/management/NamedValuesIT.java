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
 * Named values on a real management plane: APIM's admin API and rules, secrets never read
 * back by a GET nor found in the store's file, an export without them that imports again.
 */
class NamedValuesIT {

    private static final String SECRET = "s3cret-db-password-81f2";

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

    private static String body(String displayName, String value, boolean secret) {
        return "{\"displayName\": \"" + displayName + "\"" + (value == null ? "" : ", \"value\": \"" + value + "\"")
                + ", \"secret\": " + secret + "}";
    }

    private static void assertWrite(int status, long revision, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(String.valueOf(revision), response.headers().firstValue("Breakwater-Revision").orElseThrow());
    }

    private String listValue(String id) throws Exception {
        HttpResponse<String> answer = plane.admin("POST", "/admin/namedValues/" + id + "/listValue", null);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.text(Json.parse(answer.body()), "value");
    }

    private String error(HttpResponse<String> response) {
        return Json.error(response.body(), 400);
    }

    @Test
    void aNamedValueIsCreatedReadUpdatedAndDeleted() throws Exception {
        assertWrite(201, 1, plane.admin("PUT", "/admin/namedValues/region", "{\"value\": \"eu-west\"}"));
        JsonNode region = Json.parse(plane.admin("GET", "/admin/namedValues/region", null).body());
        assertEquals("region", Json.text(region, "id"));
        assertEquals("region", Json.text(region, "displayName"), "the display name defaults to the id");
        assertEquals("eu-west", Json.text(region, "value"));
        assertFalse(Json.bool(region, "secret"));
        assertWrite(200, 1, plane.admin("PUT", "/admin/namedValues/region", "{\"id\": \"region\", \"value\": \"eu-west\"}"));
        assertWrite(200, 2, plane.admin("PUT", "/admin/namedValues/region", body("Region", "eu-north", false)));
        assertEquals("eu-north", listValue("region"), "listValue reads a plain value too");

        JsonNode all = Json.parse(plane.admin("GET", "/admin/namedValues", null).body());
        assertEquals(1, all.size());
        assertEquals("Region", Json.text(all.get(0), "displayName"));
        assertTrue(error(plane.admin("PUT", "/admin/namedValues/region", "{\"id\": \"other\", \"value\": \"x\"}"))
                .contains("the body's id 'other' is not the named value id 'region'"));

        assertWrite(204, 3, plane.admin("DELETE", "/admin/namedValues/region", null));
        assertEquals("no named value 'region'",
                Json.error(plane.admin("GET", "/admin/namedValues/region", null).body(), 404));
        assertEquals(404, plane.admin("DELETE", "/admin/namedValues/region", null).statusCode());
        assertEquals(404, plane.admin("POST", "/admin/namedValues/region/listValue", null).statusCode());
        assertEquals(401, plane.send("POST", "/admin/namedValues/region/listValue", null, null, null).statusCode());
    }

    @Test
    void noGetReturnsASecretOnlyListValueDoes() throws Exception {
        HttpResponse<String> created = plane.admin("PUT", "/admin/namedValues/db-password", body("DbPassword", SECRET, true));
        assertWrite(201, 1, created);
        for (String answer : List.of(created.body(), plane.admin("GET", "/admin/namedValues/db-password", null).body(),
                plane.admin("GET", "/admin/namedValues", null).body(), plane.admin("GET", "/admin/config", null).body())) {
            assertFalse(answer.contains(SECRET), answer);
        }
        JsonNode shown = Json.parse(plane.admin("GET", "/admin/namedValues/db-password", null).body());
        Json.absent(shown, "value");
        assertTrue(Json.bool(shown, "secret"));
        assertEquals(SECRET, listValue("db-password"));

        // what a GET returned can be written back: the secret keeps its value
        assertWrite(200, 2, plane.admin("PUT", "/admin/namedValues/db-password", body("Db-Password", null, true)));
        assertEquals(SECRET, listValue("db-password"));
        assertWrite(200, 3, plane.admin("PUT", "/admin/namedValues/db-password", body("Db-Password", "rotated", true)));
        assertEquals("rotated", listValue("db-password"));
        assertEquals("namedValues[0] 'db-password': value is required and may not be empty or only whitespace",
                error(plane.admin("PUT", "/admin/namedValues/db-password", body("Db-Password", null, false))),
                "made plain, it needs its value given: a secret is never shown by omission");
        assertTrue(error(plane.admin("PUT", "/admin/namedValues/new-secret", body("NewSecret", null, true)))
                .startsWith("the named value 'new-secret': a secret named value needs a value, and none is stored"));
        assertEquals(3, revision());
    }

    @Test
    void namedValuesFollowApimRules() throws Exception {
        assertWrite(201, 1, plane.admin("PUT", "/admin/namedValues/a", body("A.b-c_D9", "x", false)));
        String displayNameRule = "displayName must be 1 to 256 letters, digits, '.', '-' or '_'";
        for (String displayName : List.of("has space", "curly{", "", "x".repeat(257), "ünï")) {
            assertTrue(error(plane.admin("PUT", "/admin/namedValues/b", body(displayName, "x", false)))
                    .contains(displayNameRule), displayName);
        }
        assertEquals(201, plane.admin("PUT", "/admin/namedValues/b", body("x".repeat(256), "x", false)).statusCode());
        assertTrue(error(plane.admin("PUT", "/admin/namedValues/c", body("a.B-C_d9", "x", false)))
                .endsWith("displayName 'a.B-C_d9' is used by named value 'a' (display names are compared regardless of case)"));
        for (String value : List.of("", "   ")) {
            assertTrue(error(plane.admin("PUT", "/admin/namedValues/c", body("C", value, true)))
                    .endsWith("value is required and may not be empty or only whitespace"));
        }
        String tooLong = "v".repeat(4097);
        String message = error(plane.admin("PUT", "/admin/namedValues/c", body("C", tooLong, true)));
        assertTrue(message.endsWith("value has 4097 characters; a named value may have at most 4096"), message);
        assertFalse(message.contains(tooLong.substring(0, 50)), "a value is never quoted back");
        assertEquals(201, plane.admin("PUT", "/admin/namedValues/c", body("C", "v".repeat(4096), true)).statusCode());
        assertTrue(error(plane.admin("PUT", "/admin/namedValues/-c", body("D", "x", false)))
                .contains("id is required: 1 to 80 letters, digits"));
        assertEquals(3, revision(), "nothing refused was stored");
    }

    @Test
    void theExportLeavesSecretValuesOutAndImportsAgainWithoutARevision() throws Exception {
        plane.admin("PUT", "/admin/namedValues/db-password", body("DbPassword", SECRET, true));
        plane.admin("PUT", "/admin/namedValues/region", body("Region", "eu-west", false));
        HttpResponse<String> exported = plane.admin("GET", "/admin/config", null);
        assertFalse(exported.body().contains(SECRET));
        JsonNode values = Json.field(Json.parse(exported.body()), "namedValues");
        Json.absent(values.get(0), "value");
        assertTrue(Json.bool(values.get(0), "secret"));
        assertEquals("eu-west", Json.text(values.get(1), "value"));

        assertWrite(200, 2, plane.admin("PUT", "/admin/config", exported.body()));
        assertEquals(SECRET, listValue("db-password"), "the stored secret was kept");

        try (ManagementPlaneFixture other = new ManagementPlaneFixture(dir.resolve("other"))) {
            HttpResponse<String> refused = other.admin("PUT", "/admin/config", exported.body());
            assertTrue(Json.error(refused.body(), 400).startsWith("namedValues[0] 'db-password': a secret named value "
                    + "needs a value, and none is stored under this id (an export leaves secret values out"));
            String withValue = exported.body().replace("\"id\":\"db-password\",", "\"id\":\"db-password\",\"value\":\"v\",");
            assertEquals(200, other.admin("PUT", "/admin/config", withValue).statusCode());
        }
    }

    @Test
    void theStoreFileHoldsNoSecretValue() throws Exception {
        plane.admin("PUT", "/admin/namedValues/db-password", body("DbPassword", SECRET, true));
        plane.admin("PUT", "/admin/namedValues/region", body("Region", "plain-value-visible-7c", false));
        plane.admin("PUT", "/admin/namedValues/db-password", body("DbPassword", null, true)); // a second revision
        plane.stop();
        assertEquals(List.of(), FileScan.filesContaining(plane.dataDir, SECRET));
        assertEquals(List.of(plane.dataDir.resolve("management.mv.db")),
                FileScan.filesContaining(plane.dataDir, "plain-value-visible-7c"), "the scan does find what is there");
        plane.restart();
        assertEquals(SECRET, listValue("db-password"), "opened with the store key");
    }

    @Test
    void eachGatewayIsServedTheNamedValuesItsPoliciesReferenceSecretsInClear() throws Exception {
        plane.admin("PUT", "/admin/namedValues/db-password", body("DbPassword", SECRET, true));
        plane.admin("PUT", "/admin/namedValues/region", body("Region", "eu-west", false));
        // a reference in a comment: today's compiler refuses {{...}} in values, the scan finds it anywhere
        plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": \"http://127.0.0.1:9\", "
                + "\"subscriptionRequired\": false, \"policy\": \"<policies><inbound><base/><!-- {{ dbpassword }} -->"
                + "</inbound></policies>\"}");
        plane.admin("PUT", "/admin/apis/status", "{\"path\": \"status\", \"serviceUrl\": \"http://127.0.0.1:9\", "
                + "\"subscriptionRequired\": false}");
        assertEquals(201, plane.admin("PUT", "/admin/gateways/east", "{\"apis\": [\"orders\", \"status\"]}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/west", "{\"apis\": [\"status\"]}").statusCode());

        JsonNode east = configuration("east");
        JsonNode served = Json.field(east, "namedValues");
        assertEquals(1, served.size(), "only the referenced one: " + served);
        assertEquals("db-password", Json.text(served.get(0), "id"));
        assertEquals(SECRET, Json.text(served.get(0), "value"), "the gateway needs the value");
        assertTrue(Json.bool(served.get(0), "secret"), "and knows it is a secret");
        Json.absent(configuration("west"), "namedValues");
    }

    private JsonNode configuration(String gatewayId) throws Exception {
        HttpResponse<String> answer = plane.send("GET", "/gateway/v1/gateways/" + gatewayId + "/configuration", null,
                null, plane.token(gatewayId, "primary"));
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.parse(answer.body());
    }

    private long revision() throws Exception {
        return Long.parseLong(plane.admin("GET", "/admin/config", null).headers().firstValue("Breakwater-Revision")
                .orElseThrow());
    }
}
