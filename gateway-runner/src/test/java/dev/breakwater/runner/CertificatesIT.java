package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.json;
import static dev.breakwater.runner.Documents.namedValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.MutualTlsBackend;
import dev.breakwater.gateway.testing.TestCertificates;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * authentication-certificate end to end: a real HTTPS backend that requires a client certificate
 * from the test CA, and a gateway that trusts that CA for backends (backend.tls.trust).
 */
class CertificatesIT {

    @TempDir
    static Path dir;
    @TempDir
    static Path otherDir;
    @TempDir
    static Path refusedDir;
    static TestCertificates made;
    static MutualTlsBackend backend;
    static InProcessGateway gateway;

    private static String policy(String elements) {
        return "<policies><inbound>" + elements + "<base/></inbound></policies>";
    }

    private static String certificates() throws Exception {
        return "[{\"id\": \"orders\", \"data\": \"" + made.clientData() + "\", \"password\": \""
                + TestCertificates.PASSWORD + "\"}, {\"id\": \"billing\", \"pem\": " + json(made.otherClientPem()) + "}]";
    }

    private static String document(long revision, String... apis) throws Exception {
        return "{\"revision\": " + revision + ", \"namedValues\": [" + namedValue("p", "pfx", made.clientData(), true)
                + ", " + namedValue("pp", "pfx-password", TestCertificates.PASSWORD, true) + "], \"certificates\": "
                + certificates() + ", \"apis\": [" + String.join(", ", apis) + "]}";
    }

    @BeforeAll
    static void start() throws Exception {
        made = TestCertificates.get();
        backend = new MutualTlsBackend(made);
        String url = backend.url() + "/svc";
        gateway = new InProcessGateway(dir, document(1,
                api("byid", "byid", url, policy("<authentication-certificate certificate-id=\"orders\"/>"), ""),
                api("bythumbprint", "bythumbprint", url, policy("<authentication-certificate thumbprint=\""
                        + made.otherClientThumbprint() + "\"/>"), ""),
                api("chosen", "chosen", url, policy("<authentication-certificate certificate-id=\"@(context.Request"
                        + ".Headers.GetValueOrDefault(&quot;X-Certificate&quot;, &quot;&quot;))\"/>"), ""),
                api("body", "body", url, policy("<authentication-certificate body=\"@(Convert.FromBase64String("
                        + "&quot;{{pfx}}&quot;))\" password=\"{{pfx-password}}\"/>"), ""),
                api("none", "none", url, null, "")),
                Map.of(GatewaySettings.BACKEND_TLS_TRUST, made.caPem.toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void theBackendSeesTheCertificateThePolicyChose() throws Exception {
        HttpResponse<String> byId = gateway.get("/byid/items");
        assertEquals(200, byId.statusCode(), byId.body());
        assertEquals("subject=" + TestCertificates.CLIENT_SUBJECT + " path=/svc/items", byId.body());
        HttpResponse<String> byThumbprint = gateway.get("/bythumbprint/items");
        assertEquals(200, byThumbprint.statusCode(), byThumbprint.body());
        assertEquals("subject=" + TestCertificates.OTHER_CLIENT_SUBJECT + " path=/svc/items", byThumbprint.body());
        HttpResponse<String> body = gateway.get("/body/x");
        assertEquals(200, body.statusCode(), body.body());
        assertEquals("subject=" + TestCertificates.CLIENT_SUBJECT + " path=/svc/x", body.body());
    }

    @Test
    void requestsThatChoseDifferentCertificatesNeverShareAConnection() throws Exception {
        for (int i = 0; i < 6; i++) {
            String id = i % 2 == 0 ? "orders" : "billing";
            HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/chosen/" + i))
                    .header("X-Certificate", id));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("subject=" + (i % 2 == 0 ? TestCertificates.CLIENT_SUBJECT
                    : TestCertificates.OTHER_CLIENT_SUBJECT) + " path=/svc/" + i, response.body());
        }
        HttpResponse<String> unknown = gateway.send(HttpRequest.newBuilder(gateway.uri("/chosen/x"))
                .header("X-Certificate", "ghost"));
        assertEquals(500, unknown.statusCode());
        assertTrue(unknown.body().contains("certificate-id 'ghost' names no certificate"), unknown.body());
    }

    @Test
    void withoutTheCertificateTheBackendRefusesTheHandshake() throws Exception {
        int answered = backend.answered();
        HttpResponse<String> none = gateway.get("/none/items");
        assertEquals(502, none.statusCode(), none.body());
        assertEquals(answered, backend.answered(), "the backend answered no request without a client certificate");
    }

    @Test
    void theBackendsCertificateIsStillValidatedWithoutTheTrustedCa() throws Exception {
        try (InProcessGateway untrusting = new InProcessGateway(otherDir, document(1, api("byid", "byid",
                backend.url(), policy("<authentication-certificate certificate-id=\"orders\"/>"), "")))) {
            HttpResponse<String> response = untrusting.get("/byid/items");
            assertEquals(502, response.statusCode(), "the test CA is not among the JVM's: " + response.body());
        }
    }

    @Test
    void aDocumentNamingAnUnknownCertificateIsRefusedWhenCompiled() throws Exception {
        ConfigException refused = assertThrows(ConfigException.class, () -> new InProcessGateway(
                refusedDir, document(1, api("ghost", "ghost", backend.url(),
                        policy("<authentication-certificate certificate-id=\"ghost\"/>"), ""))));
        assertTrue(refused.getMessage().contains("attribute 'certificate-id': no certificate 'ghost'; defined: "
                + "billing, orders"), refused.getMessage());
    }
}
