package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.proxy.GatewayServlet;
import dev.breakwater.gateway.requestlog.RequestLog;
import dev.breakwater.gateway.testing.TestBackend;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client breaks is the client's fault: a malformed or aborted upload is a 4xx (or 499,
 * client closed) in the request log and the metrics, never a backend 5xx, and it releases the
 * backend exchange at once. Backend failures are warned about once per interval, not per request.
 */
class ClientFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestBackend backend;
    static SilentContinueBackend silent;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        silent = new SilentContinueBackend();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = new InProcessGateway(dir, document(1, null,
                api("echo", "echo", backend.url(), null, ""),
                api("silent", "silent", silent.url(), null, ""),
                api("down", "down", "http://127.0.0.1:" + closedPort, null, "")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        silent.close();
        backend.close();
    }

    @Test
    void aMalformedChunkedBodyIs400AndNotABackendFailure() throws Exception {
        try (LogCapture requests = new LogCapture(RequestLog.LOGGER);
             LogCapture warnings = new LogCapture(GatewayServlet.class.getName())) {
            long backend5xx = count("api.echo.responses.5xx");
            String response = RawHttp.exchange(gateway.server.port(), "POST /echo/upload HTTP/1.1", "Host: x",
                    "Transfer-Encoding: chunked", "X-Request-Id: malformed-1", "Connection: close", "", "ZZZ", "abc");
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertEquals(400, requests.requestLogLine("malformed-1").get("status").asInt());
            assertEquals(backend5xx, count("api.echo.responses.5xx"), "not counted as a backend failure");
            assertEquals(0, warnings.messages(Level.WARN).size(), warnings.messages().toString());
        }
    }

    @Test
    void anAbortedUploadReleasesEverythingAtOnceAndIsLoggedAs499() throws Exception {
        try (LogCapture requests = new LogCapture(RequestLog.LOGGER);
             LogCapture warnings = new LogCapture(GatewayServlet.class.getName())) {
            try (Socket socket = connect()) {
                write(socket, "POST /echo/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n"
                        + "X-Request-Id: aborted-1\r\n\r\n" + "a".repeat(64 * 1024));
                awaitInFlight(1);
                socket.setSoLinger(true, 0); // a reset, as a client that crashes sends
            }
            awaitInFlight(0); // at once, not after the 300 s forward-request timeout
            assertEquals(499, requests.requestLogLine("aborted-1").get("status").asInt());
            assertEquals(0, warnings.messages(Level.WARN).size(), warnings.messages().toString());
        }
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayAndNeverForwarded() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "POST /silent/upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 11\r\n"
                    + "Connection: close\r\n\r\n");
            String interim = readUntilBlankLine(socket.getInputStream());
            assertTrue(interim.startsWith("HTTP/1.1 100"), "the gateway says continue itself: " + interim);
            write(socket, "hello world");
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            JsonNode seen = JSON.readTree(RawHttp.body(response));
            assertEquals(11, seen.get("bodyLength").asInt());
            assertFalse(seen.get("expect").asBoolean(), "the backend, which never says continue, got no Expect");
        }
        HttpResponse<String> plain = gateway.send(HttpRequest.newBuilder(gateway.uri("/silent/upload"))
                .POST(HttpRequest.BodyPublishers.ofString("hello world")));
        assertEquals(11, JSON.readTree(plain.body()).get("bodyLength").asInt(), "the same without Expect");
    }

    @Test
    void anAbortedExpectContinueUploadReleasesEverythingAtOnce() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "POST /silent/upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 1000000\r\n\r\n");
            assertTrue(readUntilBlankLine(socket.getInputStream()).startsWith("HTTP/1.1 100"));
            write(socket, "0123456789");
            awaitInFlight(1);
            socket.setSoLinger(true, 0);
        }
        awaitInFlight(0);
    }

    @Test
    void aFailingBackendIsWarnedAboutOncePerIntervalNotPerRequest() throws Exception {
        try (LogCapture warnings = new LogCapture(GatewayServlet.class.getName())) {
            for (int i = 0; i < 30; i++) {
                assertEquals(502, gateway.get("/down/x").statusCode());
            }
            assertEquals(1, warnings.messages(Level.WARN).size(), warnings.messages().toString());
        }
    }

    @Test
    void backendHeadersOverTheLimitAre502AndLoggedAs502() throws Exception {
        try (LogCapture requests = new LogCapture(RequestLog.LOGGER)) {
            HttpResponse<String> fits = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/big-headers/4000")));
            assertEquals(200, fits.statusCode());
            assertEquals(4000, fits.headers().firstValue("X-Big").orElseThrow().length());

            HttpResponse<String> tooBig = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/big-headers/20000"))
                    .header("X-Request-Id", "big-headers-1"));
            assertEquals(502, tooBig.statusCode());
            assertEquals(502, JSON.readTree(tooBig.body()).get("statusCode").asInt());
            assertEquals(502, requests.requestLogLine("big-headers-1").get("status").asInt());
        }
    }

    private static long count(String meter) {
        return gateway.server.gateway().registry().meter(meter).getCount();
    }

    private static void awaitInFlight(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long inFlight;
        while ((inFlight = gateway.server.gateway().registry().counter("requests.inFlight").getCount()) != expected) {
            assertTrue(System.nanoTime() < deadline, "requests in flight stayed " + inFlight + ", not " + expected);
            Thread.sleep(20);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.server.port()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String readUntilBlankLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
