package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 without TLS on the plain listener when server.h2c.enabled is on: by Upgrade and by prior knowledge. */
class H2cIT {

    /** The client connection preface of HTTP/2 (RFC 9113 section 3.4), then an empty SETTINGS frame. */
    private static final byte[] PREFACE = concat("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});
    private static final int SETTINGS_FRAME = 4;

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null, api("orders", "orders", backend.url(), null, "")),
                Map.of(GatewaySettings.H2C_ENABLED, "true"));
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable backendToClose = backend; AutoCloseable gatewayToClose = gateway) {
            // the gateway first, then its backend
        }
    }

    @Test
    void upgradesToHttp2AndProxies() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.uri("/orders/h2c?x=1"))
                .header("X-Custom", "over h2c").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals("over h2c", Echo.parse(response.body()).firstHeader("X-Custom"));
        // the next request goes over the upgraded connection as an HTTP/2 stream
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(gateway.uri("/orders/again"))
                .POST(HttpRequest.BodyPublishers.ofString("body")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, second.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, second.version());
        assertEquals(4, Echo.parse(second.body()).bodyLength());
    }

    @Test
    void answersThePriorKnowledgePrefaceWithSettings() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.server.port()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(PREFACE);
            socket.getOutputStream().flush();
            byte[] header = new byte[9];
            new DataInputStream(socket.getInputStream()).readFully(header);
            assertEquals(SETTINGS_FRAME, header[3], "the server's first frame is SETTINGS: it speaks HTTP/2");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
