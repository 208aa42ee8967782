package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.requestlog.RequestLog;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestCertificates;
import dev.breakwater.gateway.tls.HttpsSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's HTTPS listener through the real runner: the certificate SNI asks for (a wildcard
 * too; the first for no SNI or an unknown name), the proxy over HTTP/2 and HTTP/1.1 over TLS, and
 * TLS session resumption.
 */
class HttpsIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;
    static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates made = TestCertificates.get();
        TestCertificates.ServerPem first = made.serverPem("first", "a.example.test", "localhost");
        TestCertificates.ServerPem second = made.serverPem("second", "b.example.test", "*.b.example.test");
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null, api("orders", "orders", backend.url(), null, "")),
                Map.of(HttpsSettings.PORT, "0",
                        HttpsSettings.CERTIFICATE, first.certificate() + ", " + second.certificate(),
                        HttpsSettings.KEY, first.key() + "," + second.key()));
        trusting = TlsClients.trustingTestCa();
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable backendToClose = backend; AutoCloseable gatewayToClose = gateway) {
            // the gateway first, then its backend
        }
    }

    /** The served certificate's subject, by a client with no session to resume (a full handshake). */
    private static String subject(String sni) throws Exception {
        X509Certificate certificate = TlsClients.served(TlsClients.trustingTestCa(), gateway.server.httpsPort(), sni);
        return certificate.getSubjectX500Principal().getName();
    }

    @Test
    void sniChoosesTheCertificateWhoseNamesMatch() throws Exception {
        assertTrue(subject("b.example.test").startsWith("CN=b.example.test"));
        assertTrue(subject("orders.b.example.test").startsWith("CN=b.example.test"), "a wildcard name matches");
        assertTrue(subject("a.example.test").startsWith("CN=a.example.test"));
        assertTrue(subject(null).startsWith("CN=a.example.test"), "no SNI: the first certificate");
        assertTrue(subject("unknown.example.test").startsWith("CN=a.example.test"), "no match: the first certificate");
        assertTrue(subject("x.y.b.example.test").startsWith("CN=a.example.test"), "a wildcard covers one label only");
    }

    @Test
    void proxiesOverHttp2WithTls() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (LogCapture requests = new LogCapture(RequestLog.LOGGER)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.httpsUri("/orders/items?q=1"))
                    .header("X-Request-Id", "h2-over-tls").header("X-Custom", "kept")
                    .POST(HttpRequest.BodyPublishers.ofString("twelve bytes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            Echo echo = Echo.parse(response.body());
            assertEquals("POST", echo.method());
            assertEquals("/items", echo.uri(), echo.toString());
            assertEquals("kept", echo.firstHeader("X-Custom"));
            assertEquals(12, echo.bodyLength());
            assertEquals("https", echo.firstHeader("X-Forwarded-Proto"), "the backend learns the client used HTTPS");
            JsonNode line = requests.requestLogLine("h2-over-tls");
            assertEquals(200, line.path("status").asInt());
            assertEquals("orders", line.path("api").asText());
        }
    }

    @Test
    void proxiesOverHttp11WithTls() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.httpsUri("/orders/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }

    /** What ALPN agrees with clients that offer it (curl and browsers do; java.net.http offers none for 1.1). */
    @Test
    void alpnAgreesOnWhatTheClientOffers() throws Exception {
        assertEquals("http/1.1", alpn("http/1.1"));
        assertEquals("h2", alpn("h2", "http/1.1"));
        assertEquals("http/1.1", alpn("spdy/3", "http/1.1"));
        try (SSLSocket socket = (SSLSocket) TlsClients.trustingTestCa().getSocketFactory().createSocket("127.0.0.1",
                gateway.server.httpsPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            assertEquals(200, TlsClients.get(socket, "/orders/alpn"), "HTTP/1.1 when ALPN chose it");
        }
    }

    private static String alpn(String... offered) throws Exception {
        try (SSLSocket socket = (SSLSocket) TlsClients.trustingTestCa().getSocketFactory().createSocket("127.0.0.1",
                gateway.server.httpsPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(offered);
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return socket.getApplicationProtocol();
        }
    }

    @Test
    void plainListenerStaysHttp11WhenH2cIsOff() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.uri("/orders/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version(), "the Upgrade: h2c offer is declined");
    }

    @Test
    void tls12SessionIsResumedBySessionId() throws Exception {
        SSLContext client = TlsClients.trustingTestCa();
        byte[] first;
        try (SSLSocket socket = TlsClients.connect(client, gateway.server.httpsPort(), null, "TLSv1.2")) {
            assertEquals(200, TlsClients.get(socket, "/orders/one"));
            first = socket.getSession().getId();
        }
        try (SSLSocket socket = TlsClients.connect(client, gateway.server.httpsPort(), null, "TLSv1.2")) {
            assertEquals(200, TlsClients.get(socket, "/orders/two"));
            assertTrue(first.length > 0, "the server gave a session id");
            assertArrayEquals(first, socket.getSession().getId(), "the second handshake resumed the first session");
        }
        SSLContext other = TlsClients.trustingTestCa();
        try (SSLSocket socket = TlsClients.connect(other, gateway.server.httpsPort(), null, "TLSv1.2")) {
            assertNotEquals(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(socket.getSession().getId(), java.nio.charset.StandardCharsets.ISO_8859_1),
                    "a client without the session gets a new one: the comparison above can fail");
        }
    }

    /**
     * TLS 1.3 resumes by a ticket (pre-shared key), and the JDK gives a resumed session a new id; what
     * it keeps is the session's creation time, which a full handshake made later cannot have.
     */
    @Test
    void tls13SessionIsResumedByTicket() throws Exception {
        SSLContext client = TlsClients.trustingTestCa();
        int port = gateway.server.httpsPort();
        long created;
        try (SSLSocket socket = TlsClients.connect(client, port, null, "TLSv1.3")) {
            assertEquals(200, TlsClients.get(socket, "/orders/one")); // reads the ticket that follows the handshake
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            created = socket.getSession().getCreationTime();
        }
        awaitClockPast(created);
        try (SSLSocket socket = TlsClients.connect(client, port, null, "TLSv1.3")) {
            assertEquals(200, TlsClients.get(socket, "/orders/two"));
            assertEquals(created, socket.getSession().getCreationTime(), "the second connection resumed the session");
        }
        try (SSLSocket socket = TlsClients.connect(TlsClients.trustingTestCa(), port, null, "TLSv1.3")) {
            assertTrue(socket.getSession().getCreationTime() > created,
                    "a full handshake makes a session of its own: the comparison above can fail");
        }
    }

    /** Until the wall clock has passed this millisecond (a few at most), so a new session's time differs. */
    private static void awaitClockPast(long millis) throws InterruptedException {
        Await.until("the clock past " + millis, Duration.ofSeconds(1), () -> System.currentTimeMillis() > millis);
    }
}
