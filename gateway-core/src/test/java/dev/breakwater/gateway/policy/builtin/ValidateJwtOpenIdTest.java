package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.RequestFlow;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * validate-jwt's openid-config against a real OpenID provider on loopback: keys are fetched once for
 * many requests (those arriving during the fetch share it), refreshed once for an unknown kid, not
 * again for a flood of made-up kids, and again when they are older than an hour.
 */
class ValidateJwtOpenIdTest {

    private static final RSAKey FIRST = JwtTokens.rsaKey("first");
    private static final RSAKey SECOND = JwtTokens.rsaKey("second");

    private final AtomicInteger configCalls = new AtomicInteger();
    private final AtomicInteger jwksCalls = new AtomicInteger();
    private final AtomicReference<JWKSet> served = new AtomicReference<>(new JWKSet(FIRST.toPublicJWK()));
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
    private final StubBackend backend = new StubBackend();
    private HttpServer provider;
    private ExecutorService providerThreads;
    private PolicyServices services;
    private Pipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        providerThreads = Executors.newFixedThreadPool(4);
        provider.setExecutor(providerThreads);
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext("/.well-known/openid-configuration", exchange -> {
            configCalls.incrementAndGet();
            await(gate.get());
            reply(exchange, "{\"issuer\":\"https://issuer.example\",\"jwks_uri\":\"" + base + "/keys\"}");
        });
        provider.createContext("/keys", exchange -> {
            jwksCalls.incrementAndGet();
            reply(exchange, served.get().toString());
        });
        provider.start();
        services = new PolicyServices(new MetricRegistry(), new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        });
        pipeline = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null,
                in(Section.INBOUND, "<validate-jwt header-name=\"Authorization\" require-scheme=\"Bearer\">"
                        + "<openid-config url=\"" + base + "/.well-known/openid-configuration\"/>"
                        + "<audiences><audience>api://orders</audience></audiences></validate-jwt>"), Set.of());
    }

    @AfterEach
    void stop() {
        services.close();
        provider.stop(0);
        providerThreads.shutdownNow();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private PolicyContext context(RSAKey key) {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE,
                "Authorization", "Bearer " + JwtTokens.rs256(JwtTokens.claims().build(), key));
        context.setForwarder(backend);
        return context;
    }

    private PolicyContext flow(RSAKey key) throws Exception {
        return PolicyTesting.flow(pipeline, context(key));
    }

    @Test
    void requestsArrivingDuringTheFetchShareItAndLaterOnesUseTheCache() throws Exception {
        gate.set(new CountDownLatch(1)); // the provider holds its answer until every request is waiting
        List<PolicyContext> contexts = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PolicyContext context = context(FIRST);
            contexts.add(context);
            outcomes.add(new RequestFlow(pipeline, context).run());
        }
        assertTrue(outcomes.stream().allMatch(Outcome::isPending), "no thread waits for the keys");
        gate.get().countDown();
        for (int i = 0; i < outcomes.size(); i++) {
            PolicyTesting.settle(outcomes.get(i));
            assertEquals(200, contexts.get(i).response().status());
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(200, flow(FIRST).response().status());
        }
        assertEquals(1, configCalls.get());
        assertEquals(1, jwksCalls.get());
        assertEquals(30, backend.calls.size());
    }

    @Test
    void anUnknownKidRefreshesOnceAndAFloodOfMadeUpKidsDoesNot() throws Exception {
        assertEquals(200, flow(FIRST).response().status());
        now.addAndGet(Duration.ofMinutes(5).toMillis()); // the provider rolls its keys some time later
        served.set(new JWKSet(List.of(FIRST.toPublicJWK(), SECOND.toPublicJWK())));
        assertEquals(200, flow(SECOND).response().status());
        assertEquals(2, configCalls.get());
        assertEquals(2, jwksCalls.get());

        for (int i = 0; i < 25; i++) {
            PolicyContext refused = flow(JwtTokens.rsaKey("made-up-" + i));
            assertEquals(401, refused.response().status());
            assertEquals("TokenSignatureKeyNotFound", refused.lastError().reason());
        }
        assertEquals(2, configCalls.get(), "refreshes are rate-limited");
        assertEquals(2, jwksCalls.get());
    }

    @Test
    void keysOlderThanAnHourAreFetchedAgain() throws Exception {
        assertEquals(200, flow(FIRST).response().status());
        now.addAndGet(Duration.ofMinutes(61).toMillis());
        assertEquals(200, flow(FIRST).response().status());
        assertEquals(2, jwksCalls.get());
    }

    @Test
    void anExpressionUrlIsResolvedPerRequestAndAnInvalidOneFailsClosed() throws Exception {
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();
        Pipeline byExpression = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null,
                in(Section.INBOUND, "<validate-jwt><openid-config url=\"@(&quot;" + base + "&quot; + "
                        + "context.Request.Headers.GetValueOrDefault(&quot;X-Config&quot;, &quot;&quot;))\"/>"
                        + "</validate-jwt>"), Set.of());
        String token = "Bearer " + JwtTokens.rs256(JwtTokens.claims().build(), FIRST);
        PolicyContext good = PolicyTesting.context("/items", null, TemplateValues.NONE, "Authorization", token,
                "X-Config", "/.well-known/openid-configuration");
        good.setForwarder(backend);
        assertEquals(200, PolicyTesting.flow(byExpression, good).response().status());
        PolicyContext bad = PolicyTesting.context("/items", null, TemplateValues.NONE, "Authorization", token,
                "X-Config", ":not a url");
        assertEquals(401, PolicyTesting.flow(byExpression, bad).response().status());
        assertEquals("OpenIdConfigurationUnavailable", bad.lastError().reason());
        assertEquals(1, configCalls.get());
    }

    @Test
    void anUnreachableProviderFailsTheValidationClosed() throws Exception {
        provider.removeContext("/keys");
        PolicyContext context = flow(FIRST);
        assertEquals(401, context.response().status());
        assertEquals("OpenIdConfigurationUnavailable", context.lastError().reason());
        assertTrue(backend.calls.isEmpty());
    }
}
