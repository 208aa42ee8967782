package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.ManualClock;
import dev.breakwater.gateway.testing.TokenService;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * authentication-managed-identity against a real token service on loopback that answers as IMDS
 * does: what it asks, the Bearer header or the variable, the cache until shortly before expiry,
 * one fetch for many requests waiting at once, failures to on-error or ignored.
 */
class AuthenticationManagedIdentityPolicyTest {

    private static final String VAULT = "<authentication-managed-identity resource=\"https://vault.azure.net\"/>";

    private TokenService tokens;
    private ManualClock clock;
    private PolicyServices services;

    @BeforeEach
    void start() throws Exception {
        tokens = new TokenService();
        clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
        services = new PolicyServices(new MetricRegistry(), clock, URI.create(tokens.url()));
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
        tokens.close();
    }

    private Pipeline pipeline(String inbound) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, in(Section.INBOUND, inbound),
                Set.of());
    }

    /** The whole flow of one request on the stub backend, waited for. */
    private PolicyContext flow(Pipeline pipeline, String... headers) throws Exception {
        return PolicyTesting.flow(pipeline, PolicyTesting.context("/items", null, TemplateValues.NONE, headers));
    }

    @Test
    void asksAsImdsIsAskedAndSendsTheTokenAsBearer() throws Exception {
        PolicyContext context = flow(pipeline(VAULT), "Authorization", "Basic from-the-client");
        assertEquals(List.of("Bearer token-1"), context.request().headers().all("Authorization"),
                "the client's Authorization is replaced");
        assertEquals(200, context.response().status());
        Map<String, String> asked = tokens.asked().get(0);
        assertEquals("GET", asked.get("method"));
        assertEquals("2018-02-01", asked.get("api-version"));
        assertEquals("https://vault.azure.net", asked.get("resource"));
        assertEquals("true", asked.get("Metadata"));
        assertFalse(asked.containsKey("client_id"), "no client-id: the system-assigned identity");
    }

    @Test
    void manyRequestsUseOneCachedTokenWithoutWaiting() throws Exception {
        Pipeline pipeline = pipeline(VAULT);
        flow(pipeline);
        for (int i = 0; i < 50; i++) {
            PolicyContext context = PolicyTesting.context();
            Outcome outcome = Steps.run(pipeline.inbound(), context);
            assertEquals(Outcome.CONTINUE, outcome, "a cached token is used at once, request " + i);
            assertEquals("Bearer token-1", context.request().headers().first("Authorization"));
        }
        assertEquals(1, tokens.calls());
    }

    @Test
    void aTokenIsUsedUntilFiveMinutesBeforeItExpiresThenFetchedAgain() throws Exception {
        Pipeline pipeline = pipeline(VAULT);
        assertEquals("Bearer token-1", flow(pipeline).request().headers().first("Authorization"));
        clock.advance(Duration.ofSeconds(3600 - 300 - 1));
        assertEquals("Bearer token-1", flow(pipeline).request().headers().first("Authorization"));
        assertEquals(1, tokens.calls());
        clock.advance(Duration.ofSeconds(2));
        assertEquals("Bearer token-2", flow(pipeline).request().headers().first("Authorization"));
        assertEquals("Bearer token-2", flow(pipeline).request().headers().first("Authorization"));
        assertEquals(2, tokens.calls());
    }

    @Test
    void aShortLivedTokenIsUsedForHalfItsLifeAndExpiresOnIsRead() throws Exception {
        tokens.expiresOn(clock.instant().plusSeconds(120));
        Pipeline pipeline = pipeline(VAULT);
        flow(pipeline);
        clock.advance(Duration.ofSeconds(59));
        assertEquals("Bearer token-1", flow(pipeline).request().headers().first("Authorization"));
        clock.advance(Duration.ofSeconds(2));
        tokens.expiresIn(3600);
        tokens.expiresOn(null);
        assertEquals("Bearer token-2", flow(pipeline).request().headers().first("Authorization"));
        assertEquals(2, tokens.calls());
    }

    @Test
    void requestsThatNeedATokenAtOnceShareOneFetch() throws Exception {
        Pipeline pipeline = pipeline(VAULT);
        tokens.hold();
        List<PolicyContext> contexts = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PolicyContext context = PolicyTesting.context();
            contexts.add(context);
            outcomes.add(Steps.run(pipeline.inbound(), context));
        }
        Await.until("the fetch reached the token service", Duration.ofSeconds(10), () -> tokens.calls() == 1);
        for (Outcome outcome : outcomes) {
            assertTrue(outcome.isPending(), "every request waits for the token, without a thread");
        }
        tokens.release();
        for (int i = 0; i < contexts.size(); i++) {
            PolicyTesting.settle(outcomes.get(i));
            assertEquals("Bearer token-1", contexts.get(i).request().headers().first("Authorization"));
        }
        assertEquals(1, tokens.calls(), "one fetch for all of them");
    }

    @Test
    void aFailedFetchRunsOnErrorWithoutTheAnswerAndIsNotKept() throws Exception {
        tokens.answerStatus(400);
        Pipeline pipeline = pipeline(VAULT);
        StubBackend backend = new StubBackend();
        PolicyContext context = PolicyTesting.context();
        context.setForwarder(backend);
        PolicyTesting.flow(pipeline, context);
        assertEquals(500, context.response().status());
        assertEquals("authentication-managed-identity", context.lastError().source());
        assertEquals("TokenAcquisitionFailed", context.lastError().reason());
        assertEquals("inbound", context.lastError().section());
        assertTrue(context.lastError().message().contains("answered 400"), context.lastError().message());
        assertFalse(context.lastError().message().contains("secret-looking"), "the answer's body is not repeated");
        assertTrue(backend.calls.isEmpty(), "the backend is not called without the token");
        tokens.answerStatus(200);
        assertEquals("Bearer token-2", flow(pipeline).request().headers().first("Authorization"),
                "the next request fetches again");
    }

    @Test
    void anUnreachableEndpointFailsTheRequest() throws Exception {
        tokens.close();
        PolicyContext context = flow(pipeline(VAULT));
        assertEquals(500, context.response().status());
        assertTrue(context.lastError().message().contains("cannot be reached"), context.lastError().message());
    }

    @Test
    void ignoreErrorGoesOnWithoutAToken() throws Exception {
        tokens.answerStatus(503);
        PolicyContext context = flow(pipeline("<authentication-managed-identity resource=\"https://vault.azure.net\" "
                + "ignore-error=\"true\"/><set-header name=\"X-After\"><value>ran</value></set-header>"));
        assertEquals(200, context.response().status());
        assertNull(context.lastError());
        assertNull(context.request().headers().first("Authorization"));
        assertEquals("ran", context.request().headers().first("X-After"));
    }

    @Test
    void anOutputVariableGetsTheTokenAndTheHeaderIsLeftAlone() throws Exception {
        PolicyContext context = flow(pipeline("<authentication-managed-identity resource=\"api://app\" "
                + "output-token-variable-name=\"msi-access-token\" client-id=\"11111111-2222\"/>"
                + "<set-header name=\"X-Token\"><value>@(\"Bearer \" + (string)context.Variables[\"msi-access-token\"])"
                + "</value></set-header>"));
        assertEquals("token-1", context.variables().get("msi-access-token"));
        assertEquals("Bearer token-1", context.request().headers().first("X-Token"));
        assertNull(context.request().headers().first("Authorization"));
        assertEquals("11111111-2222", tokens.asked().get(0).get("client_id"));
    }

    @Test
    void tokensAreKeptPerResourceAndClientId() throws Exception {
        Pipeline pipeline = pipeline("<authentication-managed-identity "
                + "resource=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Resource&quot;, &quot;&quot;))\"/>");
        assertEquals("Bearer token-1", flow(pipeline, "X-Resource", "https://a").request().headers().first("Authorization"));
        assertEquals("Bearer token-2", flow(pipeline, "X-Resource", "https://b").request().headers().first("Authorization"));
        assertEquals("Bearer token-1", flow(pipeline, "X-Resource", "https://a").request().headers().first("Authorization"));
        Pipeline other = pipeline("<authentication-managed-identity resource=\"https://a\" client-id=\"user-1\"/>");
        assertEquals("Bearer token-3", flow(other).request().headers().first("Authorization"));
        assertEquals(3, tokens.calls());
        assertEquals(500, flow(pipeline).response().status(), "an empty resource is an error");
    }

    @Test
    void theCacheOutlivesARevision() throws Exception {
        flow(pipeline(VAULT));
        assertEquals("Bearer token-1", flow(pipeline(VAULT)).request().headers().first("Authorization"),
                "a document compiled again with the same services uses the token");
        assertEquals(1, tokens.calls());
    }

    @Test
    void isCheckedWhenCompiled() {
        assertTrue(compileError(in(Section.INBOUND, "<authentication-managed-identity/>"))
                .contains("attribute 'resource' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<authentication-managed-identity resource=\"r\" scope=\"x\"/>"))
                .contains("unknown attribute 'scope'"));
        assertTrue(compileError(in(Section.INBOUND, "<authentication-managed-identity resource=\"r\" "
                + "client-id=\"@(&quot;x&quot;)\"/>")).contains("does not take a policy expression"));
        assertTrue(compileError(in(Section.OUTBOUND, "<authentication-managed-identity resource=\"r\"/>"))
                .contains("not allowed in <outbound>"));
    }

    @Test
    void insideASendRequestTheTokenGoesWithTheCallOut() throws Exception {
        try (TestBackend service = new TestBackend()) {
            Pipeline pipeline = pipeline("<send-request mode=\"new\" response-variable-name=\"r\"><set-url>"
                    + service.url() + "/secrets</set-url>" + VAULT + "</send-request>");
            for (int i = 0; i < 3; i++) {
                PolicyContext context = flow(pipeline);
                assertEquals(200, context.response().status());
                assertNull(context.request().headers().first("Authorization"), "the client's request is left alone");
            }
            List<String> echoes = service.echoes();
            assertEquals(3, echoes.size());
            for (String echo : echoes) {
                assertEquals("Bearer token-1", Echo.parse(echo).firstHeader("Authorization"));
            }
            assertEquals(1, tokens.calls(), "one token for the three call-outs");
        }
    }

    @Test
    void insideASendRequestATokenThatCannotBeHadRunsOnError() throws Exception {
        tokens.answerStatus(500);
        try (TestBackend service = new TestBackend()) {
            Pipeline pipeline = pipeline("<send-request mode=\"new\" response-variable-name=\"r\" ignore-error=\"true\">"
                    + "<set-url>" + service.url() + "/secrets</set-url>" + VAULT + "</send-request>");
            assertEquals(500, flow(pipeline).response().status(), "ignore-error is the call's, not the token's");
            assertEquals(0, service.requestsReceived(), "no call without its token");
        }
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<send-request response-variable-name=\"r\"><set-url>"
                + "http://x</set-url><authentication-managed-identity resource=\"r\" output-token-variable-name=\"t\"/>"
                + "</send-request>")).contains("'output-token-variable-name' is not allowed inside a call-out"));
    }
}
