package dev.breakwater.gateway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A token service on a loopback ephemeral port that answers as Azure's instance metadata service
 * (IMDS) does at {@code /metadata/identity/oauth2/token}: JSON with {@code access_token}
 * ({@code token-1}, {@code token-2}, ... one per call), {@code expires_in} as a string and
 * {@code token_type}. It counts its calls and keeps what each asked (query parameters and the
 * {@code Metadata} header); it can fail, or hold its answers until released.
 */
public final class TokenService implements AutoCloseable {

    public static final String PATH = "/metadata/identity/oauth2/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Map<String, String>> asked = new ArrayList<>();
    private volatile int status = 200;
    private volatile long expiresInSeconds = 3600;
    private volatile Instant expiresOn;
    private volatile CountDownLatch hold;

    public TokenService() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Handler()), "/*");
        server.setHandler(context);
        server.start();
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234/metadata/identity/oauth2/token}. */
    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + PATH;
    }

    /** How many requests have reached the service, counted as each arrives. */
    public int calls() {
        return calls.get();
    }

    /** What each request asked: its query parameters, and its Metadata header under "Metadata". */
    public synchronized List<Map<String, String>> asked() {
        return List.copyOf(asked);
    }

    /** Answers with this status and an error body from now on (200: tokens again). */
    public void answerStatus(int code) {
        status = code;
    }

    /** The lifetime of the tokens given from now on, sent as expires_in. */
    public void expiresIn(long seconds) {
        expiresInSeconds = seconds;
    }

    /** Sends expires_on (epoch seconds, as a number) instead of expires_in; {@code null}: back to expires_in. */
    public void expiresOn(Instant instant) {
        expiresOn = instant;
    }

    /** Holds every answer from now on until {@link #release()}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    /** Lets held answers go, and answers at once from now on. */
    public void release() {
        CountDownLatch held = hold;
        hold = null;
        if (held != null) {
            held.countDown();
        }
    }

    @Override
    public void close() throws Exception {
        release();
        server.stop();
    }

    private final class Handler extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int call = calls.incrementAndGet();
            Map<String, String> query = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> query.put(name, values[0]));
            query.put("Metadata", request.getHeader("Metadata"));
            query.put("method", request.getMethod());
            synchronized (TokenService.this) {
                asked.add(query);
            }
            CountDownLatch held = hold;
            if (held != null) {
                try {
                    if (!held.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the token service was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            response.setContentType("application/json");
            Map<String, Object> answer = new LinkedHashMap<>();
            if (status != 200) {
                response.setStatus(status);
                answer.put("error", "invalid_request");
                answer.put("error_description", "not-a-token-but-secret-looking-" + call);
            } else {
                answer.put("access_token", "token-" + call);
                if (expiresOn != null) {
                    answer.put("expires_on", expiresOn.getEpochSecond());
                } else {
                    answer.put("expires_in", Long.toString(expiresInSeconds));
                }
                answer.put("resource", request.getParameter("resource"));
                answer.put("token_type", "Bearer");
            }
            response.getOutputStream().write(JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8));
        }
    }
}
