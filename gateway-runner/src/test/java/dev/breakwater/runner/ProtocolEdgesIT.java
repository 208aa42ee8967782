package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.requestlog.RequestLog;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edges of HTTP a hostile or old client can reach: framing, versions, raw bytes, methods, forwarding claims. */
class ProtocolEdgesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, config());
    }

    private static String config() {
        return document(1, null,
                api("echo", "echo", backend.url(), null, ""),
                api("traced", "traced", backend.url(), null, operations(
                        operation("trace", "TRACE", "/*", null), operation("get", "GET", "/*", null))));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501() throws Exception {
        String response = RawHttp.exchange(gateway.server.port(), "POST /echo/x HTTP/1.1", "Host: x",
                "Transfer-Encoding: gzip, chunked", "Connection: close", "", "3", "abc", "0", "");
        assertTrue(response.startsWith("HTTP/1.1 501"), response);
        assertEquals(501, JSON.readTree(RawHttp.body(response)).get("statusCode").asInt());
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAskedForAndPossible() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /echo/a HTTP/1.0\r\nHost: x\r\n\r\n");
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(all.startsWith("HTTP/1.1 200"), all);
            assertTrue(all.toLowerCase().contains("connection: close") || !all.toLowerCase().contains("keep-alive"), all);
            // readAllBytes returned: the gateway closed the connection after one HTTP/1.0 exchange
        }
        try (Socket socket = connect()) {
            send(socket, "GET /echo/a HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n");
            String first = readResponseWithLength(socket.getInputStream());
            assertTrue(first.toLowerCase().contains("connection: keep-alive"), first);
            send(socket, "GET /echo/b HTTP/1.0\r\nHost: x\r\n\r\n");
            String second = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(second.startsWith("HTTP/1.1 200"), "the kept-alive connection serves a second request: " + second);
        }
        try (Socket socket = connect()) {
            // a body without a length cannot be delimited for HTTP/1.0 but by closing
            // (larger than the backend's buffer, so that it streams without a length)
            send(socket, "GET /echo/bytes/200000 HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n");
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(all.startsWith("HTTP/1.1 200"), all);
            assertTrue(!all.toLowerCase().contains("transfer-encoding: chunked"), "no chunking for HTTP/1.0");
            assertTrue(!all.toLowerCase().contains("content-length"), all.substring(0, 300));
            assertEquals(200000, RawHttp.body(all).length(), "the whole body, ended by the close");
        }
    }

    @Test
    void aRawByteInTheUrlIsRefusedRatherThanRewritten() throws Exception {
        for (String place : List.of("/echo/q?x=a", "/echo/a")) {
            try (Socket socket = connect()) {
                socket.getOutputStream().write(("GET " + place).getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFE});
                socket.getOutputStream().write("b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(response.startsWith("HTTP/1.1 400"), place + ": " + response);
            }
        }
        Echo encoded = Echo.parse(gateway.get("/echo/q?x=a%FF%FEb").body());
        assertEquals("x=a%FF%FEb", encoded.query(), "percent-encoded bytes pass as sent");
    }

    @Test
    void dotSegmentsHiddenBehindEncodedSemicolonsAreRefused() throws Exception {
        for (String path : List.of("/echo/..%3b/x", "/echo/%2e%2e%3b/x", "/echo/..%3Bx/secret", "/echo/a/..%2F..%2Fb")) {
            String response = RawHttp.exchange(gateway.server.port(), "GET " + path + " HTTP/1.1", "Host: x",
                    "Connection: close");
            assertTrue(response.startsWith("HTTP/1.1 400"), path + ": " + response);
        }
    }

    @Test
    void traceIsRefusedUnlessAnOperationNamesIt() throws Exception {
        String refused = RawHttp.exchange(gateway.server.port(), "TRACE /echo/x HTTP/1.1", "Host: x",
                "Connection: close", "Authorization: Bearer secret");
        assertTrue(refused.startsWith("HTTP/1.1 405"), refused);
        assertTrue(!refused.contains("Bearer secret"), "nothing echoed back");
        String allowed = RawHttp.exchange(gateway.server.port(), "TRACE /traced/x HTTP/1.1", "Host: x",
                "Connection: close");
        assertTrue(allowed.startsWith("HTTP/1.1 200"), "an operation that names TRACE reaches the backend: " + allowed);
        assertEquals("TRACE", Echo.parse(RawHttp.body(allowed)).method());
    }

    @Test
    void forwardingClaimsOfAnUntrustedClientAreReplaced() throws Exception {
        String response = RawHttp.exchange(gateway.server.port(), "GET /echo/f HTTP/1.1", "Host: gw.example.com",
                "Connection: close", "X-Real-IP: 6.6.6.6", "Forwarded: for=6.6.6.6;proto=https",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example.com", "X-Forwarded-Port: 443",
                "X-Forwarded-For: 6.6.6.6");
        Echo echo = Echo.parse(RawHttp.body(response));
        assertEquals("127.0.0.1", echo.firstHeader("X-Real-IP"));
        assertEquals(List.of("for=6.6.6.6;proto=https, for=127.0.0.1;proto=http;host=\"gw.example.com\""),
                echo.header("Forwarded"), "the client's list is kept and the gateway's hop appended");
        assertEquals("http", echo.firstHeader("X-Forwarded-Proto"));
        assertEquals("gw.example.com", echo.firstHeader("X-Forwarded-Host"));
        assertTrue(echo.header("X-Forwarded-Port").isEmpty());
        assertEquals("6.6.6.6, 127.0.0.1", echo.firstHeader("X-Forwarded-For"));
    }

    @Test
    void behindATrustedProxyTheClientIsWhoTheProxySays() throws Exception {
        Path trustedDir = Files.createDirectories(dir.resolve("trusted"));
        try (InProcessGateway behindProxy = new InProcessGateway(trustedDir, config(),
                Map.of(GatewaySettings.TRUSTED_PROXIES, "127.0.0.0/8, ::1"));
             LogCapture requests = new LogCapture(RequestLog.LOGGER)) {
            String response = RawHttp.exchange(behindProxy.server.port(), "GET /echo/f HTTP/1.1", "Host: internal",
                    "Connection: close", "X-Forwarded-For: 6.6.6.6, 203.0.113.7", "X-Forwarded-Proto: https",
                    "X-Forwarded-Host: api.example.com", "X-Request-Id: trusted-1");
            Echo echo = Echo.parse(RawHttp.body(response));
            assertEquals("203.0.113.7", echo.firstHeader("X-Real-IP"), "the right-most address not a trusted proxy");
            assertEquals("https", echo.firstHeader("X-Forwarded-Proto"));
            assertEquals("api.example.com", echo.firstHeader("X-Forwarded-Host"));
            assertEquals("6.6.6.6, 203.0.113.7, 127.0.0.1", echo.firstHeader("X-Forwarded-For"));
            JsonNode line = requests.requestLogLine("trusted-1");
            assertEquals("203.0.113.7", line.get("clientIp").asText());
        }
    }

    @Test
    void aProxiedResponseCarriesOneServerHeader() throws Exception {
        String response = RawHttp.exchange(gateway.server.port(), "GET /echo/big-headers/10 HTTP/1.1", "Host: x",
                "Connection: close");
        long servers = response.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.toLowerCase().startsWith("server:")).count();
        assertEquals(1, servers, response);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.server.port()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads one response delimited by its Content-Length, leaving the connection open. */
    private static String readResponseWithLength(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
