package dev.breakwater.gateway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real HTTP backend on a loopback ephemeral port, for tests. By the first path segment that
 * names an action (so that any base path may come before it):
 * <ul>
 * <li>{@code /bytes/N}: N bytes of {@link TestData}, streamed without a Content-Length;</li>
 * <li>{@code /slow/MS}: waits MS milliseconds, then echoes;</li>
 * <li>{@code /status/CODE}: answers CODE with body "status CODE";</li>
 * <li>{@code /gate}: sends "first|", then waits for {@link #openGate()} before "second";</li>
 * <li>{@code /redirect}: 302 to {@code /echo/redirected};</li>
 * <li>{@code /hold}: holds its answer (counted in {@link #held()}) until {@link #releaseHeld()}, then echoes;</li>
 * <li>{@code /big-headers/N}: 200 with a header {@code X-Big} of N bytes, and a {@code Server} header;</li>
 * <li>{@code /breaks/N}: 200 without a length, sends and flushes N bytes, waits for {@link #breakOff()}
 * (once), then breaks the connection off;</li>
 * <li>{@code /breaks-sized/N}: 200 announcing 2N bytes, sends N of them, then breaks the connection off;</li>
 * <li>{@code /fails/N}: the first N requests to this exact path answer 503 "failure K" (the body
 * read first), later ones echo: a flaky backend;</li>
 * <li>{@code /reflect}: 200 with the request's body as it arrived and its Content-Type (when it had one),
 * and {@code X-Received-Content-Type} / {@code X-Received-Length} saying what the request carried;</li>
 * <li>anything else: echoes the request as JSON (method, raw URI and query, headers,
 * body length and SHA-256), read as it streams.</li>
 * </ul>
 * Every echo is also kept, in order, for tests to read what the backend saw ({@link #echoes()}).
 */
public final class TestBackend implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACTIONS = List.of("bytes", "slow", "status", "gate", "redirect", "big-headers",
            "breaks", "breaks-sized", "fails", "hold", "reflect");

    private final Server server;
    private final ServerConnector connector;
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch breakOff = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final Map<String, AtomicInteger> failuresByPath = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile CountDownLatch hold = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private final java.util.Queue<String> echoes = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public TestBackend() throws Exception {
        this(200);
    }

    /** A backend with room for {@code maxThreads} requests at once (it reads and writes blocking). */
    public TestBackend(int maxThreads) throws Exception {
        server = new Server(new org.eclipse.jetty.util.thread.QueuedThreadPool(maxThreads));
        connector = new ServerConnector(server);
        // room for /headers/N beyond what a gateway accepts, so that the gateway's limit is what is tested
        connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class).getHttpConfiguration()
                .setResponseHeaderSize(256 * 1024);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Handler()), "/*");
        server.setHandler(context);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** How many requests have reached this backend, counted as each arrives (before it is answered). */
    public int requestsReceived() {
        return received.get();
    }

    /** How many {@code /hold} requests have arrived (they wait until {@link #releaseHeld()}). */
    public int held() {
        return held.get();
    }

    /** Lets every {@code /hold} request, waiting or still to come, be answered. */
    public void releaseHeld() {
        hold.countDown();
    }

    /** After {@link #releaseHeld()}: {@code /hold} requests from now on wait again, until the next release. */
    public void holdAgain() {
        hold = new CountDownLatch(1);
    }

    /** The echoes this backend sent, in the order it sent them (JSON, see {@link Echo#parse}). */
    public List<String> echoes() {
        return List.copyOf(echoes);
    }

    /** Lets the (single) /breaks request break its connection off. */
    public void breakOff() {
        breakOff.countDown();
    }

    /** Lets a waiting {@code /gate} response finish. */
    public void openGate() {
        gate.countDown();
    }

    @Override
    public void close() throws Exception {
        gate.countDown();
        hold.countDown();
        server.stop();
    }

    private final class Handler extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            received.incrementAndGet();
            String[] segments = request.getRequestURI().split("/");
            String action = "";
            String argument = "";
            for (int i = 0; i < segments.length && action.isEmpty(); i++) {
                if (ACTIONS.contains(segments[i])) {
                    action = segments[i];
                    argument = i + 1 < segments.length ? segments[i + 1] : "";
                }
            }
            switch (action) {
                case "bytes" -> {
                    response.setContentType("application/octet-stream");
                    TestData.write(Long.parseLong(argument), response.getOutputStream(), 16 * 1024, false);
                }
                case "slow" -> {
                    sleep(Long.parseLong(argument));
                    echo(request, response);
                }
                case "status" -> {
                    response.setStatus(Integer.parseInt(argument));
                    response.getOutputStream().write(("status " + argument).getBytes(StandardCharsets.UTF_8));
                }
                case "gate" -> gate(response);
                case "hold" -> {
                    held.incrementAndGet();
                    await(hold, "release");
                    echo(request, response);
                }
                case "big-headers" -> {
                    response.setHeader("X-Big", "b".repeat(Integer.parseInt(argument)));
                    response.setHeader("Server", "test-backend");
                    response.getOutputStream().write("big headers".getBytes(StandardCharsets.UTF_8));
                }
                case "breaks", "breaks-sized" -> {
                    int sent = Integer.parseInt(argument);
                    if (action.equals("breaks-sized")) {
                        response.setContentLength(2 * sent);
                    }
                    response.getOutputStream().write(new byte[sent]);
                    response.flushBuffer();
                    if (action.equals("breaks")) {
                        await(breakOff, "break-off");
                    }
                    throw new IOException("the test backend breaks off after " + sent + " bytes");
                }
                case "fails" -> {
                    int failure = failuresByPath.computeIfAbsent(request.getRequestURI(), path -> new AtomicInteger())
                            .incrementAndGet();
                    if (failure > Integer.parseInt(argument)) {
                        echo(request, response);
                    } else {
                        request.getInputStream().readAllBytes();
                        response.setStatus(503);
                        response.getOutputStream().write(("failure " + failure).getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "reflect" -> reflect(request, response);
                case "redirect" -> {
                    response.setStatus(302);
                    response.setHeader("Location", "/echo/redirected");
                }
                default -> echo(request, response);
            }
        }

        private void gate(HttpServletResponse response) throws IOException {
            OutputStream out = response.getOutputStream();
            out.write("first|".getBytes(StandardCharsets.UTF_8));
            out.flush();
            await(gate, "gate");
            out.write("second".getBytes(StandardCharsets.UTF_8));
        }

        private static void await(CountDownLatch signal, String name) throws IOException {
            try {
                if (!signal.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the " + name + " signal never came");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private void reflect(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = request.getInputStream().readAllBytes();
            String contentType = request.getContentType();
            if (contentType != null) {
                response.setContentType(contentType);
            }
            response.setHeader("X-Received-Content-Type", contentType == null ? "none" : contentType);
            response.setHeader("X-Received-Length", String.valueOf(body.length));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private void echo(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", request.getMethod());
            echo.put("uri", request.getRequestURI());
            echo.put("query", request.getQueryString());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(Collections.list(request.getHeaders(name))));
            }
            echo.put("headers", headers);
            var digest = TestData.digest();
            long length = 0;
            byte[] buffer = new byte[64 * 1024];
            var in = request.getInputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                length += n;
            }
            echo.put("bodyLength", length);
            echo.put("bodySha256", java.util.HexFormat.of().formatHex(digest.digest()));
            byte[] body = JSON.writeValueAsBytes(echo);
            echoes.add(new String(body, StandardCharsets.UTF_8));
            response.setContentType("application/json");
            response.setHeader("X-Backend", "test-backend");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
