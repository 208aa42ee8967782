package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestCertificates;
import dev.breakwater.gateway.tls.HttpsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management plane over HTTPS with a private CA (the gateway's certificate settings), and a
 * gateway that syncs from it when it trusts that CA (config.service.trust) and refuses it, with a
 * clear message, when it does not.
 */
class ManagementPlaneHttpsIT {

    @TempDir
    static Path dir;
    static TestCertificates made;
    static ManagementPlaneFixture plane;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        made = TestCertificates.get();
        TestCertificates.ServerPem certificate = made.serverPem("management-plane", "localhost");
        plane = new ManagementPlaneFixture(dir.resolve("data"), Map.of(HttpsSettings.PORT, "0",
                HttpsSettings.CERTIFICATE, certificate.certificate().toString(),
                HttpsSettings.KEY, certificate.key().toString()));
        plane.admin("PUT", "/admin/apis/hello", "{\"path\": \"hello\", \"subscriptionRequired\": false, \"policy\": "
                + "\"<policies><inbound><return-response><set-status code=\\\"200\\\"/><set-body>over tls</set-body>"
                + "</return-response></inbound></policies>\"}");
        plane.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"hello\"]}");
        token = plane.token("gw", "primary");
    }

    @AfterAll
    static void stop() throws Exception {
        plane.close();
    }

    private static String httpsUrl() {
        return "https://localhost:" + plane.httpsPort();
    }

    @Test
    void theAdminApiAnswersOverHttps() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(made.caTrustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(context).build().send(HttpRequest
                .newBuilder(URI.create(httpsUrl() + "/admin/apis/hello"))
                .header("Authorization", "Bearer " + ManagementPlaneFixture.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Json.parse(plane.admin("GET", "/admin/apis/hello", null).body()), Json.parse(response.body()),
                "the same API as over plain HTTP");
    }

    @Test
    void aGatewayTrustingThePrivateCaSyncsOverHttps() throws Exception {
        try (ManagedGateway gateway = new ManagedGateway(httpsUrl(), "gw", token, dir.resolve("backup-trusted"),
                Map.of(GatewaySettings.SERVICE_TRUST, made.caPem.toString()))) {
            HttpResponse<String> response = gateway.awaitResponse("/hello", r -> r.statusCode() == 200,
                    Duration.ofSeconds(10));
            assertEquals("over tls", response.body());
        }
    }

    @Test
    void aGatewayWithoutThatTrustRefusesTheManagementPlane() {
        ConfigException refused = assertThrows(ConfigException.class, () -> new ManagedGateway(httpsUrl(), "gw", token,
                dir.resolve("backup-untrusted"), Map.of(GatewaySettings.STARTUP_TIMEOUT, "2s",
                        GatewaySettings.BACKUP_ENABLED, "false")).close());
        assertTrue(refused.getMessage().contains("no configuration from the management plane at " + httpsUrl()),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("its HTTPS certificate is not trusted: it is not signed by a CA of "
                + "config.service.trust"), refused.getMessage());
    }

    @Test
    void aGatewayRefusesACertificateThatDoesNotNameTheEndpointsHost() {
        // trusted CA, but the certificate names localhost only, not the address the endpoint gives
        String byAddress = "https://127.0.0.1:" + plane.httpsPort();
        ConfigException refused = assertThrows(ConfigException.class, () -> new ManagedGateway(byAddress, "gw", token,
                dir.resolve("backup-wrong-name"), Map.of(GatewaySettings.SERVICE_TRUST, made.caPem.toString(),
                        GatewaySettings.STARTUP_TIMEOUT, "2s", GatewaySettings.BACKUP_ENABLED, "false")).close());
        assertTrue(refused.getMessage().contains("its HTTPS certificate does not name the host of "
                + "config.service.endpoint"), refused.getMessage());
    }

    @Test
    void aTrustFileThatIsNoCertificateStopsTheStart() throws Exception {
        Path notPem = java.nio.file.Files.writeString(dir.resolve("not-a-ca.pem"), "hello");
        Exception refused = assertThrows(Exception.class, () -> new ManagedGateway(httpsUrl(), "gw", token,
                dir.resolve("backup-bad"), Map.of(GatewaySettings.SERVICE_TRUST, notPem.toString())).close());
        assertEquals("config.service.trust file " + notPem + ": not a PEM file of certificates", refused.getMessage());
    }
}
