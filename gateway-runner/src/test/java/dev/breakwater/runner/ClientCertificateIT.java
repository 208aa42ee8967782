package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestCertificates;
import dev.breakwater.gateway.tls.HttpsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client certificates through the real runner: the HTTPS listener requests one only for the host
 * names of {@code server.https.client.certificate.hosts} (here {@code localhost}; a request to
 * 127.0.0.1 sends no SNI), accepts any at the TLS layer, and validate-client-certificate decides:
 * a certificate from the configuration's CA passes, an expired one, one from an unknown CA, one
 * with the wrong thumbprint, and none at all get 403. The backend sees what
 * {@code context.Request.Certificate} told a set-header.
 */
class ClientCertificateIT {

    @TempDir
    static Path dir;
    static TestCertificates made;
    static TestBackend backend;
    static InProcessGateway gateway;

    private static String inbound(String elements) {
        return "<policies><inbound><base/>" + elements + "</inbound></policies>";
    }

    @BeforeAll
    static void start() throws Exception {
        made = TestCertificates.get();
        backend = new TestBackend();
        String validate = "<validate-client-certificate validate-revocation=\"false\">%s</validate-client-certificate>";
        String seen = "<set-header name=\"X-Client-Thumbprint\" exists-action=\"override\"><value>@(context.Request"
                + ".Certificate == null ? \"none\" : context.Request.Certificate.Thumbprint)</value></set-header>"
                + "<set-header name=\"X-Client-Subject\" exists-action=\"override\"><value>@(context.Request"
                + ".Certificate?.Subject ?? \"none\")</value></set-header>";
        String document = "{\"revision\": 1, \"certificates\": [{\"id\": \"root\", \"ca\": true, \"pem\": "
                + json(made.caCertificatePem().replace("\r", "")) + "}], \"apis\": ["
                + String.join(", ",
                        api("checked", "checked", backend.url(), inbound(validate.formatted(
                                "<identities><identity issuer-certificate-id=\"root\"/></identities>") + seen), ""),
                        api("pinned", "pinned", backend.url(), inbound(validate.formatted("<identities><identity "
                                + "thumbprint=\"" + made.clientThumbprint() + "\"/></identities>")), ""),
                        api("seen", "seen", backend.url(), inbound(seen), ""))
                + "]}";
        gateway = new InProcessGateway(dir, document, Map.of(HttpsSettings.PORT, "0",
                HttpsSettings.KEYSTORE, made.serverStore.toString(),
                HttpsSettings.CLIENT_CERTIFICATE_HOSTS, "localhost, *.mtls.example.test"),
                Map.of(HttpsSettings.KEYSTORE_PASSWORD_VARIABLE, TestCertificates.PASSWORD), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable backendToClose = backend; AutoCloseable gatewayToClose = gateway) {
            // the gateway first, then its backend
        }
    }

    /** A GET with a new client (no session to resume) presenting this key store's certificate ({@code null}: none). */
    private static HttpResponse<String> get(Path clientStore, String host, String path, HttpClient.Version version)
            throws Exception {
        SSLContext context = clientStore == null ? TlsClients.trustingTestCa() : made.clientContext(clientStore);
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(version)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + gateway.server.httpsPort() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(Path clientStore, String path) throws Exception {
        return get(clientStore, "localhost", path, HttpClient.Version.HTTP_1_1);
    }

    @Test
    void aCertificateFromTheConfiguredCaPassesAndPoliciesSeeIt() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> response = get(made.clientStore, "localhost", "/checked/items", version);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(version, response.version(), "HTTP/2 by ALPN behind the detection too");
            Echo echo = Echo.parse(response.body());
            assertEquals(made.clientThumbprint(), echo.firstHeader("X-Client-Thumbprint"));
            assertEquals("CN=orders-client, O=Breakwater Test", echo.firstHeader("X-Client-Subject"));
        }
        assertEquals(200, get(made.clientStore, "/pinned/x").statusCode());
    }

    @Test
    void expiredUnknownCaWrongThumbprintAndNoCertificateGet403() throws Exception {
        for (String[] failing : new String[][] {
            {made.expiredClientStore.toString(), "/checked/refused"},
            {made.foreignClientStore.toString(), "/checked/refused"},
            {made.otherClientStore.toString(), "/pinned/refused"},
            {null, "/checked/refused"}}) {
            HttpResponse<String> response = get(failing[0] == null ? null : Path.of(failing[0]), failing[1]);
            assertEquals(403, response.statusCode(), failing[0] + " " + response.body());
            assertEquals("Invalid client certificate", Json.error(response.body(), 403));
        }
        for (String echo : backend.echoes()) {
            assertTrue(!Echo.parse(echo).uri().equals("/refused"), "nothing refused reached the backend");
        }
    }

    @Test
    void onlyListedHostNamesRequestACertificate() throws Exception {
        HttpResponse<String> noSni = get(made.clientStore, "127.0.0.1", "/seen/x", HttpClient.Version.HTTP_1_1);
        assertEquals(200, noSni.statusCode(), noSni.body());
        assertEquals("none", Echo.parse(noSni.body()).firstHeader("X-Client-Thumbprint"),
                "no SNI, not listed: the client was not asked, so it sent nothing");
        assertEquals(403, get(made.clientStore, "127.0.0.1", "/checked/x", HttpClient.Version.HTTP_1_1).statusCode());
        HttpResponse<String> listed = get(made.clientStore, "localhost", "/seen/x", HttpClient.Version.HTTP_1_1);
        assertEquals(made.clientThumbprint(), Echo.parse(listed.body()).firstHeader("X-Client-Thumbprint"));
        HttpResponse<String> without = get(null, "localhost", "/seen/x", HttpClient.Version.HTTP_1_1);
        assertEquals(200, without.statusCode(), "requested, not required: a client without one gets through");
        assertEquals("none", Echo.parse(without.body()).firstHeader("X-Client-Thumbprint"));
    }

    /**
     * At the TLS layer: the client presents its certificate exactly when the server requested one;
     * a request for a listed host on a connection made for another name is misdirected (421), so
     * that an HTTP/2 client that coalesced connections opens one of its own.
     */
    @Test
    void theCertificateRequestFollowsTheSniHostName() throws Exception {
        int port = gateway.server.httpsPort();
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            for (String sni : new String[] {"localhost", "orders.mtls.example.test"}) {
                try (SSLSocket socket = TlsClients.connect(made.clientContext(made.clientStore), port, sni, protocol)) {
                    assertNotNull(socket.getSession().getLocalCertificates(), sni + " " + protocol + ": requested");
                    assertEquals(200, TlsClients.get(socket, "/seen/tls"));
                }
            }
            for (String sni : new String[] {null, "other.example.test", "mtls.example.test", "a.b.mtls.example.test"}) {
                try (SSLSocket socket = TlsClients.connect(made.clientContext(made.clientStore), port, sni, protocol)) {
                    assertNull(socket.getSession().getLocalCertificates(), sni + " " + protocol + ": not requested");
                    // TlsClients.get asks for Host: localhost, a listed name: only a connection without SNI may
                    assertEquals(sni == null ? 200 : 421, TlsClients.get(socket, "/seen/tls"), sni + " " + protocol);
                }
            }
        }
    }
}
