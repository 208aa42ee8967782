package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.RequestFlow;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.TestOpenIdProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
    private final StubBackend backend = new StubBackend();
    private TestOpenIdProvider provider;
    private PolicyServices services;
    private Pipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        provider = new TestOpenIdProvider(new JWKSet(FIRST.toPublicJWK()));
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
                        + "<openid-config url=\"" + provider.url() + "/.well-known/openid-configuration\"/>"
                        + "<audiences><audience>api://orders</audience></audiences></validate-jwt>"), Set.of());
    }

    @AfterEach
    void stop() {
        services.close();
        provider.close();
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
        provider.hold(); // the provider holds its answer until every request is waiting
        List<PolicyContext> contexts = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PolicyContext context = context(FIRST);
            contexts.add(context);
            outcomes.add(new RequestFlow(pipeline, context).run());
        }
        assertTrue(outcomes.stream().allMatch(Outcome::isPending), "no thread waits for the keys");
        provider.release();
        for (int i = 0; i < outcomes.size(); i++) {
            PolicyTesting.settle(outcomes.get(i));
            assertEquals(200, contexts.get(i).response().status());
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(200, flow(FIRST).response().status());
        }
        assertEquals(1, provider.configurationCalls());
        assertEquals(1, provider.keysCalls());
        assertEquals(30, backend.calls.size());
    }

    @Test
    void anUnknownKidRefreshesOnceAndAFloodOfMadeUpKidsDoesNot() throws Exception {
        assertEquals(200, flow(FIRST).response().status());
        now.addAndGet(Duration.ofMinutes(5).toMillis()); // the provider rolls its keys some time later
        provider.serve(new JWKSet(List.of(FIRST.toPublicJWK(), SECOND.toPublicJWK())));
        assertEquals(200, flow(SECOND).response().status());
        assertEquals(2, provider.configurationCalls());
        assertEquals(2, provider.keysCalls());

        for (int i = 0; i < 25; i++) {
            PolicyContext refused = flow(JwtTokens.rsaKey("made-up-" + i));
            assertEquals(401, refused.response().status());
            assertEquals("TokenSignatureKeyNotFound", refused.lastError().reason());
        }
        assertEquals(2, provider.configurationCalls(), "refreshes are rate-limited");
        assertEquals(2, provider.keysCalls());
    }

    @Test
    void keysOlderThanAnHourAreFetchedAgain() throws Exception {
        assertEquals(200, flow(FIRST).response().status());
        now.addAndGet(Duration.ofMinutes(61).toMillis());
        assertEquals(200, flow(FIRST).response().status());
        assertEquals(2, provider.keysCalls());
    }

    @Test
    void anExpressionUrlIsResolvedPerRequestAndAnInvalidOneFailsClosed() throws Exception {
        String base = provider.url();
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
        assertEquals("JwtInvalid", bad.lastError().reason());
        assertEquals("The OpenID configuration URL is not valid.", bad.lastError().message());
        assertEquals(1, provider.configurationCalls());
    }

    @Test
    void anUnreachableProviderFailsTheValidationClosed() throws Exception {
        provider.stopServingKeys();
        PolicyContext context = flow(FIRST);
        assertEquals(401, context.response().status());
        assertEquals("JwtInvalid", context.lastError().reason());
        assertEquals("The signing keys of the OpenID provider could not be obtained.", context.lastError().message());
        assertTrue(backend.calls.isEmpty());
    }
}
