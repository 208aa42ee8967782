package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.TestBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients cannot starve the gateway: bodies are read and written without blocking, so
 * hundreds of clients that trickle an upload or never read their download hold no thread, and
 * ordinary requests and the admin listener keep answering. The limits that then cut such
 * clients off (header timeout, minimum data rate) are checked too. Counts and times are bounded;
 * nothing here measures speed.
 */
class SlowClientsIT {

    private static final int SLOW_UPLOADERS = 250;
    private static final int SLOW_READERS = 250;

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend(SLOW_UPLOADERS + SLOW_READERS + 50); // the backend reads blocking: room for all
        gateway = new InProcessGateway(dir, document(1, null, api("echo", "echo", backend.url(), null, "")),
                Map.of(GatewaySettings.HTTP_HEADER_TIMEOUT, "2s", GatewaySettings.HTTP_MIN_REQUEST_RATE, "64"));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void ordinaryRequestsAndHealthAnswerWhileHundredsOfSlowClientsAreConnected() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_UPLOADERS; i++) {
                Socket socket = connect();
                write(socket, "POST /echo/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nx");
                slow.add(socket);
            }
            for (int i = 0; i < SLOW_READERS; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4096); // before connecting, so that the window stays small
                socket.connect(new InetSocketAddress("127.0.0.1", gateway.server.port()), 5000);
                // more than the socket buffers on the way can take, and then never read
                write(socket, "GET /echo/bytes/" + 4 * 1024 * 1024 + " HTTP/1.1\r\nHost: x\r\n\r\n");
                slow.add(socket);
            }
            int maxBusy = 0;
            long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            int probes = 0;
            while (System.nanoTime() < end) {
                HttpResponse<String> ordinary = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/normal"))
                        .timeout(Duration.ofSeconds(10)));
                assertEquals(200, ordinary.statusCode(), "an ordinary request among the slow clients");
                HttpResponse<String> health = gateway.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.server.adminPort() + "/health"))
                        .timeout(Duration.ofSeconds(10)));
                assertEquals(200, health.statusCode(), "the admin listener among the slow clients");
                maxBusy = Math.max(maxBusy, busyThreads());
                probes++;
                for (Socket socket : slow.subList(0, SLOW_UPLOADERS)) {
                    trickle(socket);
                }
            }
            assertTrue(probes > 0);
            System.out.printf("SlowClientsIT: %d probes answered with %d slow clients; busiest: %d threads%n", probes,
                    slow.size(), maxBusy);
            // the proof that nobody waits on a slow client: the request pool stays nearly idle
            assertTrue(maxBusy < 100, "at most " + maxBusy + " of 200 threads were busy with 500 slow clients");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aClientThatTricklesItsHeadersIsCutOffAtTheHeaderTimeout() throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout(15_000);
            write(socket, "GET /echo/x HTTP/1.1\r\nHost: x\r\n");
            long started = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) { // a byte every 250 ms: never idle, never done
                try {
                    write(socket, "X");
                    Thread.sleep(250);
                } catch (IOException e) {
                    closed = true;
                }
                closed |= isClosedByPeer(socket);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(closed, "a header that never ends is cut off (the idle timeout alone would never fire)");
            assertTrue(seconds < 9, "cut off by the 2 s header timeout, not after 10 s of trickling: " + seconds);
        }
    }

    @Test
    void anUploadBelowTheMinimumRateIsRefused() throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout(30_000);
            write(socket, "POST /echo/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n");
            String answer = null;
            for (int i = 0; i < 60 && answer == null; i++) { // a byte every 500 ms: 2 B/s against a minimum of 64
                try {
                    write(socket, "y");
                } catch (IOException e) {
                    break;
                }
                Thread.sleep(500);
                if (socket.getInputStream().available() > 0) {
                    answer = new String(socket.getInputStream().readNBytes(socket.getInputStream().available()),
                            StandardCharsets.ISO_8859_1);
                }
            }
            String response = answer != null ? answer : readAll(socket);
            assertTrue(response.startsWith("HTTP/1.1 408"), "a body that crawls gets 408: " + response);
        }
    }

    private static int busyThreads() {
        Gauge<?> busy = gateway.server.gateway().registry().getGauges().get("jetty.threads.busy");
        return ((Number) busy.getValue()).intValue();
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.server.port()), 5000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One more byte of a slow upload, unless the gateway already cut it off. */
    private static void trickle(Socket socket) {
        try {
            write(socket, "x");
        } catch (IOException cutOff) {
            // expected sooner or later: the minimum data rate
        }
    }

    private static boolean isClosedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout(1);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        } finally {
            socket.setSoTimeout(15_000);
        }
    }

    private static String readAll(Socket socket) throws IOException {
        try (InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(connection failed: " + e + ")";
        }
    }
}
