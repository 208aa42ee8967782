package dev.breakwater.gateway.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenID provider on a loopback ephemeral port, for tests of validate-jwt and
 * validate-azure-ad-token. Any path ending in {@code /.well-known/openid-configuration} answers the
 * configuration document of the "tenant" before it: {@code issuer} is the base URL followed by that
 * prefix (so {@code /t1/v2.0/.well-known/openid-configuration} names issuer {@code {url}/t1/v2.0}, as
 * Entra ID does), {@code jwks_uri} is {@code {url}/keys}, which serves the JWK set given to
 * {@link #serve} (public keys only). It counts both kinds of call, can hold configuration answers until
 * {@link #release()}, and can stop serving keys (404) to play an unreachable provider.
 */
public final class TestOpenIdProvider implements AutoCloseable {

    public static final String CONFIGURATION = "/.well-known/openid-configuration";

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicInteger configurationCalls = new AtomicInteger();
    private final AtomicInteger keysCalls = new AtomicInteger();
    private final AtomicReference<JWKSet> served;
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    private volatile boolean keysGone;

    public TestOpenIdProvider(JWKSet keys) throws IOException {
        served = new AtomicReference<>(keys);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}: an authority, or the root of a provider. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, {@code /keys} serves these keys (a provider rolling its keys). */
    public void serve(JWKSet keys) {
        served.set(keys);
    }

    /** Configuration answers wait, from now on, until {@link #release()}. */
    public void hold() {
        gate.set(new CountDownLatch(1));
    }

    /** Lets held configuration answers, and later ones, go. */
    public void release() {
        gate.get().countDown();
    }

    /** {@code /keys} answers 404 from now on. */
    public void stopServingKeys() {
        keysGone = true;
    }

    public int configurationCalls() {
        return configurationCalls.get();
    }

    public int keysCalls() {
        return keysCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith(CONFIGURATION)) {
            configurationCalls.incrementAndGet();
            await(gate.get());
            String issuer = url() + path.substring(0, path.length() - CONFIGURATION.length());
            reply(exchange, 200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + url() + "/keys\"}");
        } else if (path.equals("/keys") && !keysGone) {
            keysCalls.incrementAndGet();
            reply(exchange, 200, served.get().toString());
        } else {
            reply(exchange, 404, "{}");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the provider");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
