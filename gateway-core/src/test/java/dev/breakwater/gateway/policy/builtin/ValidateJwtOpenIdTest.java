package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
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
 * again for a flood of made-up kids, and again when they are older than an hour. A token must name the
 * issuer the configuration names, or one listed in {@code <issuers>}.
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

    /** Claims of a token the provider issued: its configuration at the root names issuer {@code url()}. */
    private JWTClaimsSet.Builder claims() {
        return JwtTokens.claims().issuer(provider.url());
    }

    private PolicyContext context(RSAKey key) {
        return context(claims().build(), key);
    }

    private PolicyContext context(JWTClaimsSet claims, RSAKey key) {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE,
                "Authorization", "Bearer " + JwtTokens.rs256(claims, key));
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
        String token = "Bearer " + JwtTokens.rs256(claims().build(), FIRST);
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

    @Test
    void theIssuerMustBeTheConfigurationsOrAListedOne() throws Exception {
        PolicyContext other = PolicyTesting.flow(pipeline, context(JwtTokens.claims().build(), FIRST));
        assertEquals(401, other.response().status(), "https://issuer.example is neither the configuration's nor listed");
        assertEquals("TokenIssuerNotAllowed", other.lastError().reason());
        assertEquals(401, PolicyTesting.flow(pipeline, context(claims().issuer(null).build(), FIRST)).response().status());

        Pipeline listing = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null,
                in(Section.INBOUND, "<validate-jwt><openid-config url=\"" + provider.url()
                        + "/t1/v2.0/.well-known/openid-configuration\"/>"
                        + "<issuers><issuer>https://issuer.example</issuer></issuers></validate-jwt>"), Set.of());
        PolicyContext listed = context(JwtTokens.claims().build(), FIRST);
        assertEquals(200, PolicyTesting.flow(listing, listed).response().status(), "a listed issuer passes");
        PolicyContext configured = context(claims().issuer(provider.url() + "/t1/v2.0").build(), FIRST);
        assertEquals(200, PolicyTesting.flow(listing, configured).response().status(),
                "and so does the configuration's, besides those listed");
        PolicyContext neither = context(claims().build(), FIRST);
        assertEquals(401, PolicyTesting.flow(listing, neither).response().status(), "another configuration's issuer");
        assertEquals("TokenIssuerNotAllowed", neither.lastError().reason());
    }

    @Test
    void severalOpenIdConfigsEachAdmitTheirProvidersTokens() throws Exception {
        try (TestOpenIdProvider other = new TestOpenIdProvider(new JWKSet(SECOND.toPublicJWK()))) {
            Pipeline both = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null,
                    in(Section.INBOUND, "<validate-jwt>"
                            + "<openid-config url=\"" + provider.url() + TestOpenIdProvider.CONFIGURATION + "\"/>"
                            + "<openid-config url=\"" + other.url() + TestOpenIdProvider.CONFIGURATION + "\"/>"
                            + "</validate-jwt>"), Set.of());
            assertEquals(200, PolicyTesting.flow(both, context(claims().build(), FIRST)).response().status(),
                    "the first provider's token");
            PolicyContext second = context(JwtTokens.claims().issuer(other.url()).build(), SECOND);
            assertEquals(200, PolicyTesting.flow(both, second).response().status(), "the second provider's token");
            assertEquals(1, other.keysCalls());

            PolicyContext unknownIssuer = context(JwtTokens.claims().issuer("https://issuer.example").build(), SECOND);
            assertEquals(401, PolicyTesting.flow(both, unknownIssuer).response().status());
            assertEquals("TokenIssuerNotAllowed", unknownIssuer.lastError().reason());
            PolicyContext neitherKey = context(claims().build(), JwtTokens.rsaKey("third"));
            assertEquals(401, PolicyTesting.flow(both, neitherKey).response().status());
            assertEquals("TokenSignatureKeyNotFound", neitherKey.lastError().reason());
        }
    }

    @Test
    void anUnsignedTokenAllowedStillNamesTheConfigurationsIssuer() throws Exception {
        Pipeline unsigned = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null,
                in(Section.INBOUND, "<validate-jwt require-signed-tokens=\"false\"><openid-config url=\""
                        + provider.url() + "/.well-known/openid-configuration\"/></validate-jwt>"), Set.of());
        PolicyContext good = PolicyTesting.context("/items", null, TemplateValues.NONE,
                "Authorization", JwtTokens.unsigned(claims().build()));
        good.setForwarder(backend);
        assertEquals(200, PolicyTesting.flow(unsigned, good).response().status(), "the first request waits for the issuer");
        PolicyContext other = PolicyTesting.context("/items", null, TemplateValues.NONE,
                "Authorization", JwtTokens.unsigned(JwtTokens.claims().build()));
        assertEquals(401, PolicyTesting.flow(unsigned, other).response().status());
        assertEquals("TokenIssuerNotAllowed", other.lastError().reason());
    }

    @Test
    void aMultiTenantConfigurationsIssuerStandsForTheTokensOwnTenant() throws Exception {
        // as Entra ID's .../organizations/v2.0 configuration: issuer "{url}/{tenantid}/v2.0"
        Pipeline multiTenant = PolicyTesting.pipeline(PolicyTesting.environment(services), null, null,
                in(Section.INBOUND, "<validate-jwt><openid-config url=\"" + provider.url()
                        + "/%7Btenantid%7D/v2.0/.well-known/openid-configuration\"/></validate-jwt>"), Set.of());
        String tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
        PolicyContext own = context(claims().issuer(provider.url() + "/" + tenant + "/v2.0").claim("tid", tenant).build(), FIRST);
        assertEquals(200, PolicyTesting.flow(multiTenant, own).response().status());
        PolicyContext another = context(claims().issuer(provider.url() + "/" + tenant + "/v2.0")
                .claim("tid", "0b1a2c3d-0000-4000-8000-cccccccccccc").build(), FIRST);
        assertEquals(401, PolicyTesting.flow(multiTenant, another).response().status(), "the issuer names another tenant");
        assertEquals("TokenIssuerNotAllowed", another.lastError().reason());
        PolicyContext noTid = context(claims().issuer(provider.url() + "/" + tenant + "/v2.0").build(), FIRST);
        assertEquals(401, PolicyTesting.flow(multiTenant, noTid).response().status());
        PolicyContext literal = context(claims().issuer(provider.url() + "/{tenantid}/v2.0").build(), FIRST);
        assertEquals(401, PolicyTesting.flow(multiTenant, literal).response().status(), "the template is no issuer itself");
    }
}
