package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API of a real management plane: entities, validation, authentication, export and import. */
class AdminApiIT {

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;

    static final String ECHO = "{\"displayName\": \"Echo\", \"path\": \"echo\", \"serviceUrl\": \"http://127.0.0.1:9\","
            + " \"subscriptionRequired\": false}";

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
    }

    @Test
    void apisOperationsAndPoliciesCanBeCreatedReadAndDeleted() throws Exception {
        HttpResponse<String> created = plane.admin("PUT", "/admin/apis/echo", ECHO);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("1", created.headers().firstValue("Breakwater-Revision").orElseThrow());
        assertEquals(200, plane.admin("PUT", "/admin/apis/echo", ECHO).statusCode(), "a second PUT updates");

        assertEquals(201, plane.admin("PUT", "/admin/apis/echo/operations/get-item",
                "{\"method\": \"GET\", \"urlTemplate\": \"/items/{id}\"}").statusCode());
        String policy = "<policies><inbound><base/><rewrite-uri template=\"/v2/{id}\"/></inbound></policies>";
        assertEquals(200, plane.adminXml("PUT", "/admin/apis/echo/operations/get-item/policy", policy).statusCode());
        assertEquals(policy, plane.admin("GET", "/admin/apis/echo/operations/get-item/policy", null).body());
        assertEquals(200, plane.adminXml("PUT", "/admin/policy", "<policies><inbound/></policies>").statusCode());
        assertEquals(200, plane.adminXml("PUT", "/admin/apis/echo/policy", "<policies><inbound><base/></inbound></policies>")
                .statusCode());

        assertEquals(200, plane.admin("PUT", "/admin/apis/echo", ECHO).statusCode());
        JsonNode operations = Json.field(Json.parse(plane.admin("GET", "/admin/apis/echo", null).body()), "operations");
        assertEquals(1, operations.size(), "a PUT without operations keeps them: " + operations);
        assertEquals("get-item", Json.text(operations.get(0), "id"));
        assertEquals("/items/{id}", Json.text(operations.get(0), "urlTemplate"));

        assertEquals(204, plane.admin("DELETE", "/admin/apis/echo/operations/get-item/policy", null).statusCode());
        assertEquals(404, plane.admin("GET", "/admin/apis/echo/operations/get-item/policy", null).statusCode());
        assertEquals(204, plane.admin("DELETE", "/admin/apis/echo/operations/get-item", null).statusCode());
        assertEquals(404, plane.admin("GET", "/admin/apis/echo/operations/get-item", null).statusCode());
        assertEquals(204, plane.admin("DELETE", "/admin/apis/echo", null).statusCode());
        assertEquals(404, plane.admin("GET", "/admin/apis/echo", null).statusCode());
        assertEquals(404, plane.admin("DELETE", "/admin/apis/echo", null).statusCode());
    }

    @Test
    void anOperationsDocumentedResponsesAreKeptThroughItsPolicyAndCheckedWhenWritten() throws Exception {
        plane.admin("PUT", "/admin/apis/echo", ECHO);
        String responses = "[{\"statusCode\":200,\"representations\":[{\"contentType\":\"application/json\","
                + "\"example\":\"{\\\"id\\\": 7}\"}]}]";
        assertEquals(201, plane.admin("PUT", "/admin/apis/echo/operations/get-item",
                "{\"method\": \"GET\", \"urlTemplate\": \"/items/{id}\", \"responses\": " + responses + "}").statusCode());
        assertEquals(200, plane.adminXml("PUT", "/admin/apis/echo/operations/get-item/policy",
                "<policies><inbound><mock-response/></inbound></policies>").statusCode());
        JsonNode operation = Json.parse(plane.admin("GET", "/admin/apis/echo/operations/get-item", null).body());
        assertEquals(Json.parse(responses), operation.get("responses"), "setting the policy kept the responses");
        HttpResponse<String> refused = plane.admin("PUT", "/admin/apis/echo/operations/get-item",
                "{\"method\": \"GET\", \"urlTemplate\": \"/items/{id}\", \"responses\": [{\"statusCode\": 999}]}");
        assertEquals(400, refused.statusCode());
        assertTrue(Json.error(refused.body(), 400).contains("statusCode must be from 100 to 599"), refused.body());
    }

    @Test
    void invalidPolicyIsRefusedWith400AndTheCompilersMessageAndNothingChanges() throws Exception {
        plane.admin("PUT", "/admin/apis/echo", ECHO);
        String before = plane.admin("GET", "/admin/config", null).body();
        HttpResponse<String> refused = plane.adminXml("PUT", "/admin/apis/echo/policy",
                "<policies>\n<inbound>\n<set-header name=\"x\" exists-action=\"replace\"><value>1</value></set-header>"
                        + "</inbound></policies>");
        assertEquals(400, refused.statusCode());
        String message = Json.error(refused.body(), 400);
        assertTrue(message.contains("<set-header> at line 3: attribute 'exists-action' must be override, skip, "
                + "append or delete, not 'replace'"), message);
        assertEquals(400, plane.adminXml("PUT", "/admin/policy", "<policies>").statusCode(), "malformed XML");
        assertEquals(400, plane.admin("PUT", "/admin/apis/other", "{\"path\": \"echo\", \"serviceUrl\": \"http://x\","
                + " \"subscriptionRequired\": false}").statusCode(), "a second API on the same path");
        assertEquals(400, plane.admin("PUT", "/admin/apis/bad", "{\"path\": \"bad\", \"sevriceUrl\": \"http://x\"}")
                .statusCode(), "an unknown property");
        assertEquals(400, plane.admin("PUT", "/admin/apis/bad", "{\"id\": \"other\", \"path\": \"bad\"}").statusCode(),
                "the body names another id");
        assertEquals(before, plane.admin("GET", "/admin/config", null).body(), "nothing changed");
    }

    @Test
    void adminApiRefusesMissingOrWrongTokens() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + ManagementPlaneFixture.ADMIN_TOKEN + "x",
            ManagementPlaneFixture.ADMIN_TOKEN, "Basic dGVzdA=="}) {
            HttpResponse<String> response = plane.send("GET", "/admin/apis", null, null, authorization);
            assertEquals(401, response.statusCode(), String.valueOf(authorization));
            Json.error(response.body(), 401);
        }
        assertEquals(401, plane.send("PUT", "/admin/apis/x", ECHO, "application/json", null).statusCode());
        assertEquals(401, plane.send("GET", "/admin/no-such-thing", null, null, null).statusCode(),
                "every admin path is closed, even one that does not exist");
        assertEquals(200, plane.admin("GET", "/admin/apis", null).statusCode());
    }

    @Test
    void gatewaysAssignmentsAndTokens() throws Exception {
        plane.admin("PUT", "/admin/apis/echo", ECHO);
        assertEquals(201, plane.admin("PUT", "/admin/gateways/gw-1", "{\"description\": \"on-premises\"}").statusCode());
        assertEquals(200, plane.admin("PUT", "/admin/gateways/gw-1/apis/echo", null).statusCode());
        assertEquals(Json.parse("[\"echo\"]"), Json.field(Json.parse(plane.admin("GET", "/admin/gateways/gw-1", null).body()),
                "apis"));
        assertEquals(404, plane.admin("PUT", "/admin/gateways/gw-1/apis/missing", null).statusCode());
        assertTrue(plane.token("gw-1", "primary").startsWith("GatewayKey gw-1&"));
        assertEquals(400, plane.admin("POST", "/admin/gateways/gw-1/tokens", "{\"keyType\": \"tertiary\"}").statusCode());
        assertEquals(400, plane.admin("POST", "/admin/gateways/gw-1/tokens",
                "{\"expiry\": \"2020-01-01T00:00:00Z\"}").statusCode(), "an expiry in the past");
        assertEquals(400, plane.admin("POST", "/admin/gateways/gw-1/tokens",
                "{\"expiry\": \"2099-01-01T00:00:00Z\"}").statusCode(), "more than 30 days");
        assertEquals(204, plane.admin("DELETE", "/admin/apis/echo", null).statusCode());
        assertEquals(Json.parse("[]"), Json.field(Json.parse(plane.admin("GET", "/admin/gateways/gw-1", null).body()),
                "apis"), "deleting an API removes its assignments");
        assertEquals(204, plane.admin("DELETE", "/admin/gateways/gw-1", null).statusCode());
        assertEquals(404, plane.admin("POST", "/admin/gateways/gw-1/tokens", "{}").statusCode());
    }

    @Test
    void configCanBeExportedAndReplacedWhole() throws Exception {
        plane.admin("PUT", "/admin/apis/echo", ECHO);
        plane.admin("PUT", "/admin/gateways/gw-1", "{\"apis\": [\"echo\"]}");
        String exported = plane.admin("GET", "/admin/config", null).body();
        assertEquals(Json.parse("[{\"id\": \"gw-1\", \"apis\": [\"echo\"]}]"), Json.field(Json.parse(exported), "gateways"),
                exported);
        assertFalse(exported.contains("Key"), "keys are never exported");

        String replacement = "{\"apis\": [{\"id\": \"hello\", \"path\": \"hello\", \"subscriptionRequired\": false,"
                + " \"policy\": \"<policies><inbound><return-response/></inbound></policies>\"}],"
                + " \"gateways\": [{\"id\": \"gw-2\", \"apis\": [\"hello\"]}]}";
        assertEquals(200, plane.admin("PUT", "/admin/config", replacement).statusCode());
        assertEquals(404, plane.admin("GET", "/admin/apis/echo", null).statusCode());
        assertEquals(404, plane.admin("GET", "/admin/gateways/gw-1", null).statusCode());
        assertEquals(200, plane.admin("GET", "/admin/gateways/gw-2", null).statusCode());

        String broken = replacement.replace("return-response", "return-respons");
        assertEquals(400, plane.admin("PUT", "/admin/config", broken).statusCode());
        assertEquals(200, plane.admin("GET", "/admin/apis/hello", null).statusCode(), "a refused import changes nothing");
    }
}
