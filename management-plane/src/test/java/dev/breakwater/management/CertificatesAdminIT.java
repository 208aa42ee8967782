package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.FileScan;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestCertificates;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates on a real management plane: {@code /admin/certificates}, key material and
 * passwords never in a GET nor in the store file, served in clear to the gateways whose policies
 * reference them, kept by an import of an export.
 */
class CertificatesAdminIT {

    static TestCertificates made;

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;

    @BeforeAll
    static void make() throws Exception {
        made = TestCertificates.get();
    }

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir.resolve("plane"));
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
    }

    private static String pkcs12() throws Exception {
        return "{\"data\": \"" + made.clientData() + "\", \"password\": \"" + TestCertificates.PASSWORD + "\"}";
    }

    private static String pem(String text) throws Exception {
        return "{\"pem\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text) + "}";
    }

    /** Pieces of every secret: the PKCS#12 data, its password, the PEM key. */
    private static List<String> secrets() throws Exception {
        String data = made.clientData();
        String key = made.otherClientPem().split("\n")[1]; // the first line of the private key's base64
        return List.of(TestCertificates.PASSWORD, data.substring(200, 260), key);
    }

    private static String policy(String certificateId) {
        return "\"<policies><inbound><authentication-certificate certificate-id=\\\"" + certificateId
                + "\\\"/><base/></inbound></policies>\"";
    }

    @Test
    void aCertificateIsCreatedShownWithoutItsSecretsAndDeleted() throws Exception {
        HttpResponse<String> created = plane.admin("PUT", "/admin/certificates/orders", pkcs12());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode shown = Json.parse(created.body());
        assertEquals("orders", Json.text(shown, "id"));
        assertEquals(TestCertificates.CLIENT_SUBJECT, Json.text(shown, "subject"));
        assertEquals(made.clientThumbprint(), Json.text(shown, "thumbprint"));
        assertTrue(Json.bool(shown, "hasPrivateKey"));
        assertEquals("pkcs12", Json.text(shown, "format"));
        assertTrue(Json.text(shown, "expirationDate").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), shown.toString());
        assertEquals(201, plane.admin("PUT", "/admin/certificates/billing", pem(made.otherClientPem())).statusCode());
        HttpResponse<String> ca = plane.admin("PUT", "/admin/certificates/ca", pem(made.caCertificatePem()));
        assertEquals(201, ca.statusCode(), ca.body());
        assertFalse(Json.bool(Json.parse(ca.body()), "hasPrivateKey"));

        List<String> answers = new ArrayList<>(List.of(created.body(),
                plane.admin("GET", "/admin/certificates/orders", null).body(),
                plane.admin("GET", "/admin/certificates/billing", null).body(),
                plane.admin("GET", "/admin/certificates", null).body(),
                plane.admin("GET", "/admin/config", null).body()));
        for (String answer : answers) {
            for (String secret : secrets()) {
                assertFalse(answer.contains(secret), answer);
            }
            assertFalse(answer.contains("PRIVATE KEY"), answer);
        }
        assertEquals(3, Json.parse(plane.admin("GET", "/admin/certificates", null).body()).size());

        assertEquals(201, plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": "
                + "\"https://orders.example\", \"subscriptionRequired\": false, \"policy\": " + policy("orders") + "}")
                .statusCode());
        assertTrue(Json.error(plane.admin("DELETE", "/admin/certificates/orders", null).body(), 400)
                .contains("no certificate 'orders'"), "a policy still names it");
        assertEquals(204, plane.admin("DELETE", "/admin/apis/orders", null).statusCode());
        assertEquals(204, plane.admin("DELETE", "/admin/certificates/orders", null).statusCode());
        assertEquals("no certificate 'orders'", Json.error(plane.admin("GET", "/admin/certificates/orders", null)
                .body(), 404));
    }

    @Test
    void aCertificateThatCannotBeReadOrIsNotThereIsRefusedWithoutItsSecrets() throws Exception {
        String wrongPassword = "wrong-pass-ae41c";
        String refused = Json.error(plane.admin("PUT", "/admin/certificates/orders", "{\"data\": \""
                + made.clientData() + "\", \"password\": \"" + wrongPassword + "\"}").body(), 400);
        assertEquals("certificate 'orders': the PKCS#12 data does not open with its password", refused);
        assertTrue(Json.error(plane.admin("PUT", "/admin/certificates/x", "{\"thumbprint\": \""
                + made.clientThumbprint() + "\"}").body(), 400).contains("no certificate is stored under this id"));
        assertTrue(Json.error(plane.admin("PUT", "/admin/apis/a", "{\"path\": \"a\", \"subscriptionRequired\": false, "
                + "\"policy\": " + policy("ghost") + "}").body(), 400)
                .contains("attribute 'certificate-id': no certificate 'ghost'"));
    }

    @Test
    void gatewaysAreServedTheCertificatesTheirPoliciesReferenceInClear() throws Exception {
        assertEquals(201, plane.admin("PUT", "/admin/certificates/orders", pkcs12()).statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/certificates/billing", pem(made.otherClientPem())).statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": "
                + "\"https://orders.example\", \"subscriptionRequired\": false, \"policy\": " + policy("orders") + "}")
                .statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/apis/plain", "{\"path\": \"plain\", \"serviceUrl\": "
                + "\"https://plain.example\", \"subscriptionRequired\": false}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/east", "{\"apis\": [\"orders\"]}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/west", "{\"apis\": [\"plain\"]}").statusCode());

        JsonNode east = Json.field(configuration("east"), "certificates");
        assertEquals(1, east.size(), "only the certificate its policy names: " + east);
        assertEquals("orders", Json.text(east.get(0), "id"));
        assertEquals(made.clientData(), Json.text(east.get(0), "data"), "the gateway gets the key material");
        assertEquals(TestCertificates.PASSWORD, Json.text(east.get(0), "password"));
        assertEquals(made.clientThumbprint(), Json.text(east.get(0), "thumbprint"));
        Json.absent(configuration("west"), "certificates");

        // a policy that names a certificate by expression may need any: all of them are served
        assertEquals(200, plane.admin("PUT", "/admin/apis/plain", "{\"path\": \"plain\", \"serviceUrl\": "
                + "\"https://plain.example\", \"subscriptionRequired\": false, \"policy\": "
                + policy("@(context.Request.Headers.GetValueOrDefault(&quot;X-C&quot;, &quot;&quot;))") + "}")
                .statusCode());
        assertEquals(2, Json.field(configuration("west"), "certificates").size());
    }

    @Test
    void everyGatewayIsServedEveryCaCertificate() throws Exception {
        String ca = "{\"ca\": true, \"pem\": " + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(made.caCertificatePem()) + "}";
        HttpResponse<String> created = plane.admin("PUT", "/admin/certificates/root", ca);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(Json.bool(Json.parse(created.body()), "ca"));
        assertFalse(Json.bool(Json.parse(created.body()), "hasPrivateKey"));
        assertEquals(201, plane.admin("PUT", "/admin/certificates/orders", pkcs12()).statusCode());
        assertFalse(Json.bool(Json.parse(plane.admin("GET", "/admin/certificates/orders", null).body()), "ca"));
        assertTrue(Json.error(plane.admin("PUT", "/admin/certificates/orders", "{\"ca\": true}").body(), 400)
                .contains("a CA certificate (ca: true) is given as pem, with CERTIFICATE blocks only, no private key"),
                "a stored client certificate does not become a CA, key and all, without being given again");
        assertFalse(Json.bool(Json.parse(plane.admin("GET", "/admin/certificates/orders", null).body()), "ca"));
        assertTrue(Json.error(plane.admin("PUT", "/admin/certificates/keyed", "{\"ca\": true, \"pem\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(made.clientPem()) + "}").body(),
                400).contains("a CA certificate (ca: true) is given as pem, with CERTIFICATE blocks only, no private key"));
        assertEquals(201, plane.admin("PUT", "/admin/apis/plain", "{\"path\": \"plain\", \"serviceUrl\": "
                + "\"https://plain.example\", \"subscriptionRequired\": false}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/west", "{\"apis\": [\"plain\"]}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/idle", "{\"apis\": []}").statusCode());
        for (String gateway : List.of("west", "idle")) {
            JsonNode served = Json.field(configuration(gateway), "certificates");
            assertEquals(1, served.size(), "the CA certificate, not the client certificate nobody names: " + served);
            assertEquals("root", Json.text(served.get(0), "id"));
            assertTrue(Json.bool(served.get(0), "ca"));
            assertEquals(made.caCertificatePem(), Json.text(served.get(0), "pem"));
        }
        // an export shows it is a CA; importing it again keeps the stored certificate, still a CA
        String exported = plane.admin("GET", "/admin/config", null).body();
        assertEquals(200, plane.admin("PUT", "/admin/config", exported).statusCode());
        assertTrue(Json.bool(Json.parse(plane.admin("GET", "/admin/certificates/root", null).body()), "ca"));
        assertEquals(made.caCertificatePem(), Json.text(Json.field(configuration("idle"), "certificates").get(0), "pem"));
    }

    @Test
    void anExportImportsAgainKeepingTheStoredCertificatesButNeverAnother() throws Exception {
        assertEquals(201, plane.admin("PUT", "/admin/certificates/orders", pkcs12()).statusCode());
        String exported = plane.admin("GET", "/admin/config", null).body();
        JsonNode certificate = Json.field(Json.parse(exported), "certificates").get(0);
        assertEquals("{\"id\":\"orders\",\"thumbprint\":\"" + made.clientThumbprint() + "\"}", certificate.toString());
        HttpResponse<String> imported = plane.admin("PUT", "/admin/config", exported);
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(made.clientThumbprint(), Json.text(Json.parse(plane.admin("GET", "/admin/certificates/orders",
                null).body()), "thumbprint"));
        String otherThumbprint = exported.replace(made.clientThumbprint(), made.otherClientThumbprint());
        assertTrue(Json.error(plane.admin("PUT", "/admin/config", otherThumbprint).body(), 400)
                .contains("certificates[0] 'orders': the certificate stored under this id has thumbprint "
                        + made.clientThumbprint()));
        // what a GET shows can be written back: the stored certificate stays
        HttpResponse<String> writtenBack = plane.admin("PUT", "/admin/certificates/orders", plane.admin("GET",
                "/admin/certificates/orders", null).body());
        assertEquals(200, writtenBack.statusCode(), writtenBack.body());
        assertEquals(made.clientData(), Json.text(Json.field(configurationOfEverything(), "certificates").get(0),
                "data"), "the stored certificate stays");
    }

    @Test
    void theStoreFileHoldsNoKeyMaterialNorPassword() throws Exception {
        assertEquals(201, plane.admin("PUT", "/admin/certificates/orders", pkcs12()).statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/certificates/billing", pem(made.otherClientPem())).statusCode());
        plane.stop();
        for (String secret : secrets()) {
            assertEquals(List.of(), FileScan.filesContaining(plane.dataDir, secret), secret);
        }
        plane.restart();
        assertEquals(201, plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": "
                + "\"https://orders.example\", \"subscriptionRequired\": false, \"policy\": " + policy("billing") + "}")
                .statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/east", "{\"apis\": [\"orders\"]}").statusCode());
        assertEquals(made.otherClientPem(), Json.text(Json.field(configuration("east"), "certificates").get(0), "pem"),
                "opened with the store key after a restart");
    }

    /** A gateway whose one API names the certificate by expression: it is served all of them. */
    private JsonNode configurationOfEverything() throws Exception {
        assertEquals(201, plane.admin("PUT", "/admin/apis/any", "{\"path\": \"any\", \"serviceUrl\": "
                + "\"https://any.example\", \"subscriptionRequired\": false, \"policy\": "
                + policy("@(context.Request.Headers.GetValueOrDefault(&quot;X-C&quot;, &quot;&quot;))") + "}")
                .statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/all", "{\"apis\": [\"any\"]}").statusCode());
        return configuration("all");
    }

    private JsonNode configuration(String gatewayId) throws Exception {
        HttpResponse<String> answer = plane.send("GET", "/gateway/v1/gateways/" + gatewayId + "/configuration", null,
                null, plane.token(gatewayId, "primary"));
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.parse(answer.body());
    }
}
