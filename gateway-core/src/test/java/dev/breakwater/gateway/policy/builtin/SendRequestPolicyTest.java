package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** send-request: what it refuses at compile time, and what it sends to and stores from a real backend. */
class SendRequestPolicyTest {

    static TestBackend backend;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend(16);
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\" mode=\"new\" retry=\"3\"><set-url>http://x</set-url></send-request>"))
                .contains("unknown attribute 'retry'"));
        assertTrue(compileError(inbound("<send-request mode=\"new\"><set-url>http://x</set-url></send-request>"))
                .contains("attribute 'response-variable-name' is required"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\" mode=\"clone\"><set-url>http://x</set-url></send-request>"))
                .contains("must be new or copy, not 'clone'"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\" timeout=\"60 sec\"><set-url>http://x</set-url></send-request>"))
                .contains("from 1 to 3600, not '60 sec'"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\" ignore-error=\"@(true)\"><set-url>http://x</set-url></send-request>"))
                .contains("'ignore-error' does not take a policy expression"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\" ignore-error=\"maybe\"><set-url>http://x</set-url></send-request>"))
                .contains("must be true or false, not 'maybe'"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://x</set-url><rewrite-uri template=\"/a\"/></send-request>"))
                .contains("<rewrite-uri> at line 1: not allowed inside <send-request>"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://x</set-url>text</send-request>"))
                .contains("unexpected text"));
    }

    @Test
    void refusesTheChildrenAPIMAllowsButThisGatewayHasNotYet() {
        for (String child : new String[] {"<proxy url=\"http://p:8080\"/>"}) {
            String name = child.substring(1, child.indexOf(' '));
            String error = compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://x</set-url>"
                    + child + "</send-request>"));
            assertTrue(error.contains("element <" + name + "> is not supported yet inside <send-request>"), error);
        }
    }

    @Test
    void itsAuthenticationCertificateIsCheckedAsThePolicysIs() {
        String unknown = compileError(inbound("<send-request response-variable-name=\"r\"><set-url>https://x</set-url>"
                + "<authentication-certificate certificate-id=\"ghost\"/></send-request>"));
        assertTrue(unknown.contains("attribute 'certificate-id': no certificate 'ghost'; none is defined"), unknown);
        String twice = compileError(inbound("<send-request response-variable-name=\"r\"><set-url>https://x</set-url>"
                + "<authentication-certificate certificate-id=\"a\" thumbprint=\"b\"/></send-request>"));
        assertTrue(twice.contains("one of the attributes 'thumbprint', 'certificate-id' and 'body' is required, and "
                + "only one"), twice);
    }

    @Test
    void checksItsChildren() {
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"/>"))
                .contains("<set-url> is required unless mode is copy"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://x</set-url><set-url>http://y</set-url></send-request>"))
                .contains("only one <set-url>"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>ftp://x/file</set-url></send-request>"))
                .contains("absolute http or https URL"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>/relative</set-url></send-request>"))
                .contains("absolute http or https URL"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://u:p@x/</set-url></send-request>"))
                .contains("must not carry credentials"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://x</set-url><set-method>GE T</set-method></send-request>"))
                .contains("is not an HTTP method"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://x</set-url>"
                + "<set-header name=\"Content-Length\"><value>3</value></set-header></send-request>")).contains("managed by the gateway"));
        assertTrue(compileError(inbound("<send-request response-variable-name=\"r\"><set-url>http://x</set-url>"
                + "<authentication-basic username=\"u\"/></send-request>")).contains("attribute 'password' is required"));
    }

    @Test
    void sendsANewRequestAndStoresTheResponseForExpressions() throws Exception {
        PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline(in(Section.INBOUND,
                "<send-request mode=\"new\" response-variable-name=\"r\" timeout=\"10\">"
                        + "<set-url>@(\"" + backend.url() + "/lookup/\" + context.Request.Method)</set-url>"
                        + "<set-method>POST</set-method>"
                        + "<set-header name=\"X-Trace\" exists-action=\"override\"><value>t1</value></set-header>"
                        + "<set-header name=\"Content-Type\"><value>application/json</value></set-header>"
                        + "<set-body>{\"q\":1}</set-body>"
                        + "<authentication-basic username=\"svc\" password=\"s3cret\"/>"
                        + "</send-request>"
                        + "<set-header name=\"X-Uri\"><value>@((string)((IResponse)context.Variables[\"r\"]).Body.As&lt;JObject&gt;(true)[\"uri\"])</value></set-header>"
                        + "<set-header name=\"X-Status\"><value>@(context.Variables.GetValueOrDefault&lt;IResponse&gt;(\"r\").StatusCode.ToString())</value></set-header>"
                        + "<set-header name=\"X-Reason\"><value>@(((IResponse)context.Variables[\"r\"]).StatusReason)</value></set-header>"
                        + "<set-header name=\"X-Backend\"><value>@(((IResponse)context.Variables[\"r\"]).Headers.GetValueOrDefault(\"X-Backend\", \"none\"))</value></set-header>"),
                Set.of()), PolicyTesting.context());
        assertNull(context.lastError());
        assertEquals("/lookup/GET", context.request().headers().first("X-Uri"));
        assertEquals("200", context.request().headers().first("X-Status"));
        assertEquals("OK", context.request().headers().first("X-Reason"));
        assertEquals("test-backend", context.request().headers().first("X-Backend"));
        Echo seen = Echo.parse(lastEcho());
        assertEquals("POST", seen.method());
        assertEquals("t1", seen.firstHeader("X-Trace"));
        assertEquals("application/json", seen.firstHeader("Content-Type"));
        assertEquals("Basic c3ZjOnMzY3JldA==", seen.firstHeader("Authorization"));
        assertEquals(7, seen.bodyLength());
        assertEquals(null, seen.firstHeader("User-Agent"), "the policy decides the headers a call-out sends");
    }

    @Test
    void aNewRequestWithoutSetMethodIsAGetWithoutBody() throws Exception {
        PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline(inbound(
                "<send-request response-variable-name=\"r\"><set-url>" + backend.url() + "/plain</set-url></send-request>"),
                Set.of()), PolicyTesting.context("/items", null, TemplateValues.NONE, "X-Client", "c"));
        assertNull(context.lastError());
        Echo seen = Echo.parse(lastEcho());
        assertEquals("GET", seen.method());
        assertEquals(0, seen.bodyLength());
        assertEquals(null, seen.firstHeader("X-Client"), "a new request copies nothing of the client's");
        assertEquals(null, seen.firstHeader("Content-Type"));
        assertEquals(null, seen.firstHeader("Accept-Encoding"), "no compression asked for: the body is stored as sent");
    }

    @Test
    void copyModeStartsFromTheCurrentRequestWithoutItsHopByHopHeaders() throws Exception {
        var pipeline = PolicyTesting.pipeline(inbound("<set-header name=\"X-Edited\"><value>yes</value></set-header>"
                + "<send-request mode=\"copy\" response-variable-name=\"r\">"
                + "<set-header name=\"X-Extra\"><value>1</value></set-header></send-request>"), Set.of());
        assertTrue(pipeline.readsRequestBody(), "a copy takes the body: the pipeline buffers it");
        PolicyContext context = PolicyTesting.context("/items/7", "a=1", TemplateValues.NONE, "X-Client", "c",
                "Keep-Alive", "timeout=5", "TE", "trailers", "Proxy-Authorization", "Basic eDp5", "Content-Length", "5");
        context.request().setBaseUrl(backend.url() + "/copy");
        context.request().setMethod("PUT");
        context.request().body().buffered("hello".getBytes(StandardCharsets.UTF_8));
        PolicyTesting.flow(pipeline, context);
        assertNull(context.lastError());
        Echo seen = Echo.parse(lastEcho());
        assertEquals("PUT", seen.method());
        assertEquals("/copy/items/7", seen.uri());
        assertEquals("a=1", seen.query());
        assertEquals("c", seen.firstHeader("X-Client"));
        assertEquals("yes", seen.firstHeader("X-Edited"), "the request as the policies left it");
        assertEquals("1", seen.firstHeader("X-Extra"));
        assertEquals(5, seen.bodyLength());
        for (String hop : new String[] {"Keep-Alive", "TE", "Proxy-Authorization"}) {
            assertEquals(null, seen.firstHeader(hop), hop + " stays on its hop");
        }
        assertEquals("hello", new String(context.request().body().bytes(), StandardCharsets.UTF_8),
                "the copy leaves the request's body for the backend");
    }

    @Test
    void copyModeInOutboundDoesNotTakeTheRequestBody() throws Exception {
        var pipeline = PolicyTesting.pipeline(in(Section.OUTBOUND, "<send-request mode=\"copy\" response-variable-name=\"r\">"
                + "<set-url>" + backend.url() + "/outbound</set-url></send-request>"), Set.of());
        assertFalse(pipeline.readsRequestBody(), "APIM: in outbound a copy does not initialise the request body");
        PolicyContext context = PolicyTesting.context();
        context.request().body().buffered("hello".getBytes(StandardCharsets.UTF_8));
        PolicyTesting.flow(pipeline, context);
        assertNull(context.lastError());
        assertEquals(0, Echo.parse(lastEcho()).bodyLength());
    }

    @Test
    void redirectsAreNotFollowedAndHopByHopResponseHeadersAreNotKept() throws Exception {
        PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline(inbound(
                "<send-request response-variable-name=\"r\"><set-url>" + backend.url() + "/redirect</set-url></send-request>"
                        + "<send-request response-variable-name=\"b\"><set-url>" + backend.url() + "/bytes/100</set-url></send-request>"
                        + "<set-header name=\"X-Status\"><value>@(((IResponse)context.Variables[\"r\"]).StatusCode.ToString())</value></set-header>"
                        + "<set-header name=\"X-Chunked\"><value>@(((IResponse)context.Variables[\"b\"]).Headers.ContainsKey(\"Transfer-Encoding\").ToString())</value></set-header>"
                        + "<set-header name=\"X-Length\"><value>@(((IResponse)context.Variables[\"b\"]).Body.As&lt;byte[]&gt;().Length.ToString())</value></set-header>"),
                Set.of()), PolicyTesting.context());
        assertNull(context.lastError());
        assertEquals("302", context.request().headers().first("X-Status"));
        assertEquals("False", context.request().headers().first("X-Chunked"));
        assertEquals("100", context.request().headers().first("X-Length"));
    }

    @Test
    void theStepWaitsWithoutHoldingTheThreadThatRanIt() throws Exception {
        try (TestBackend holding = new TestBackend(4)) {
            var pipeline = PolicyTesting.pipeline(inbound("<send-request response-variable-name=\"r\"><set-url>"
                    + holding.url() + "/hold</set-url></send-request>"), Set.of());
            PolicyContext context = PolicyTesting.context();
            Outcome outcome = dev.breakwater.gateway.policy.runtime.Steps.run(pipeline.steps(Section.INBOUND), context);
            assertTrue(outcome.isPending(), "run returned while the service holds its answer");
            dev.breakwater.gateway.testing.Await.until("the service holds the call-out",
                    java.time.Duration.ofSeconds(10), () -> holding.held() == 1);
            assertFalse(outcome.stage().toCompletableFuture().isDone());
            holding.releaseHeld();
            assertEquals(Outcome.CONTINUE, PolicyTesting.settle(outcome));
            assertTrue(context.variables().get("r") instanceof dev.breakwater.gateway.policy.expression.context.ResponseView);
        }
    }

    private static String lastEcho() {
        var echoes = backend.echoes();
        return echoes.get(echoes.size() - 1);
    }

    private static String inbound(String policies) {
        return in(Section.INBOUND, policies);
    }
}
