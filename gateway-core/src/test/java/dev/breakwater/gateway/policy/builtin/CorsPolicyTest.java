package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.ClientRequest;
import dev.breakwater.gateway.policy.runtime.Deployment;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private static final String CORS = "<cors allow-credentials=\"true\">"
            + "<allowed-origins><origin>https://app.example.com</origin><origin>http://localhost:8080</origin></allowed-origins>"
            + "<allowed-methods preflight-result-max-age=\"300\"><method>GET</method><method>PUT</method></allowed-methods>"
            + "<allowed-headers><header>Content-Type</header><header>X-Token</header></allowed-headers>"
            + "<expose-headers><header>X-Total</header></expose-headers></cors>";

    /** A request with this method and header pairs, through the flow of the route (the stub backend answers 200). */
    private static PolicyContext flow(String policy, String method, String... headers) throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, policy), Set.of());
        Headers fields = new Headers();
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(headers[i], headers[i + 1]);
        }
        ClientRequest client = new ClientRequest("5b0c5b6f-6d36-4e1c-9d3c-3f3a1a0e5e11", Instant.now(), System.nanoTime(),
                method, "https", "gw.example.com", 443, "/echo/items", null, "10.0.0.7", false);
        RequestMessage request = new RequestMessage(method, "http://backend/base", "/items", null, () -> fields,
                Body.stream());
        PolicyContext context = new PolicyContext(client, PolicyTesting.context().route(), TemplateValues.NONE, request,
                Deployment.standalone(), Clock.systemUTC());
        context.setForwarder(PolicyTesting.context().forwarder());
        boolean preflight = method.equals("OPTIONS") && pipeline.answersPreflights();
        return PolicyTesting.flow(preflight ? pipeline.preflightOnly() : pipeline, context);
    }

    private static PolicyContext preflight(String policy, String origin, String method, String headers) throws Exception {
        return headers == null ? flow(policy, "OPTIONS", "Origin", origin, "Access-Control-Request-Method", method)
                : flow(policy, "OPTIONS", "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", headers);
    }

    @Test
    void aMatchedPreflightIsAnsweredWithTheAllowHeaders() throws Exception {
        ResponseMessage response = preflight(CORS, "https://app.example.com", "PUT", "content-type, x-token").response();
        Headers headers = response.headers();
        assertEquals(200, response.status());
        assertFalse(response.isFromBackend(), "answered by the gateway");
        assertEquals("https://app.example.com", headers.first("Access-Control-Allow-Origin"));
        assertEquals("true", headers.first("Access-Control-Allow-Credentials"));
        assertEquals(Set.of("GET", "PUT"), Set.of(headers.first("Access-Control-Allow-Methods").split(",")));
        assertEquals("content-type,x-token", headers.first("Access-Control-Allow-Headers"));
        assertEquals("300", headers.first("Access-Control-Max-Age"));
        assertEquals("Origin", headers.first("Vary"));
    }

    @Test
    void originsCompareByScheme_hostAndPort_theDefaultPortImplied() throws Exception {
        assertEquals("https://APP.example.com:443", preflight(CORS, "https://APP.example.com:443", "GET", null)
                .response().headers().first("Access-Control-Allow-Origin"));
        assertNull(preflight(CORS, "http://app.example.com", "GET", null).response().headers()
                .first("Access-Control-Allow-Origin"), "another scheme is another origin");
        assertNull(preflight(CORS, "http://localhost:8081", "GET", null).response().headers()
                .first("Access-Control-Allow-Origin"), "another port is another origin");
        assertNull(preflight(CORS, "null", "GET", null).response().headers().first("Access-Control-Allow-Origin"));
    }

    @Test
    void anUnmatchedPreflightGetsAnEmpty200WithoutCorsHeaders() throws Exception {
        for (PolicyContext context : new PolicyContext[] {
                preflight(CORS, "https://evil.example.com", "GET", null),
                preflight(CORS, "https://app.example.com", "DELETE", null),
                preflight(CORS, "https://app.example.com", "GET", "X-Other")}) {
            assertEquals(200, context.response().status());
            assertFalse(context.response().isFromBackend());
            assertEquals(0, context.response().headers().size(), context.response().headers().toString());
        }
    }

    @Test
    void withTerminateFalseTheNextCorsPolicyDecides() throws Exception {
        String policies = "<cors terminate-unmatched-request=\"false\"><allowed-origins><origin>https://a.example.com</origin>"
                + "</allowed-origins></cors><cors><allowed-origins><origin>https://b.example.com</origin></allowed-origins></cors>";
        assertEquals("https://b.example.com", preflight(policies, "https://b.example.com", "GET", null).response()
                .headers().first("Access-Control-Allow-Origin"));
    }

    @Test
    void anyOriginAndAnyMethodAnswerWithStarAndTheRequestedMethod() throws Exception {
        String policy = "<cors><allowed-origins><origin>*</origin></allowed-origins>"
                + "<allowed-methods><method>*</method></allowed-methods><allowed-headers><header>*</header></allowed-headers></cors>";
        Headers headers = preflight(policy, "https://x.example.com", "PATCH", "X-Any").response().headers();
        assertEquals("*", headers.first("Access-Control-Allow-Origin"));
        assertEquals("PATCH", headers.first("Access-Control-Allow-Methods"));
        assertEquals("X-Any", headers.first("Access-Control-Allow-Headers"));
        assertNull(headers.first("Access-Control-Allow-Credentials"));
        assertNull(headers.first("Vary"), "the answer is the same for every origin");
        assertNull(headers.first("Access-Control-Max-Age"), "not configured, not sent");
    }

    @Test
    void withoutAllowedMethodsOnlyGetAndPostAreAllowed() throws Exception {
        String policy = "<cors><allowed-origins><origin>*</origin></allowed-origins></cors>";
        assertEquals("*", preflight(policy, "https://x.example.com", "POST", null).response().headers()
                .first("Access-Control-Allow-Origin"));
        assertNull(preflight(policy, "https://x.example.com", "PUT", null).response().headers()
                .first("Access-Control-Allow-Origin"));
    }

    @Test
    void anActualRequestFromAnAllowedOriginReachesTheBackendAndItsResponseGetsTheHeaders() throws Exception {
        ResponseMessage response = flow(CORS, "GET", "Origin", "https://app.example.com").response();
        assertTrue(response.isFromBackend(), "the stub backend answered");
        assertEquals("https://app.example.com", response.headers().first("Access-Control-Allow-Origin"));
        assertEquals("true", response.headers().first("Access-Control-Allow-Credentials"));
        assertEquals("X-Total", response.headers().first("Access-Control-Expose-Headers"));
        assertEquals("Origin", response.headers().first("Vary"));
    }

    @Test
    void theHeadersAlsoGoOnAResponseAPolicyMadeAfterCors() throws Exception {
        ResponseMessage response = flow(CORS + "<return-response><set-status code=\"401\"/></return-response>", "GET",
                "Origin", "https://app.example.com").response();
        assertEquals(401, response.status());
        assertEquals("https://app.example.com", response.headers().first("Access-Control-Allow-Origin"));
    }

    @Test
    void aDisallowedOriginOnGetIsAnsweredEmpty200_orGoesOnWithoutHeadersWhenNotTerminated() throws Exception {
        ResponseMessage ended = flow(CORS, "GET", "Origin", "https://evil.example.com").response();
        assertEquals(200, ended.status());
        assertFalse(ended.isFromBackend(), "APIM ends an unmatched GET with an empty 200");
        assertEquals(0, ended.headers().size());
        String open = CORS.replace("<cors ", "<cors terminate-unmatched-request=\"false\" ");
        ResponseMessage passed = flow(open, "GET", "Origin", "https://evil.example.com").response();
        assertTrue(passed.isFromBackend());
        assertNull(passed.headers().first("Access-Control-Allow-Origin"));
        ResponseMessage post = flow(CORS, "POST", "Origin", "https://evil.example.com").response();
        assertTrue(post.isFromBackend(), "APIM terminates only GET and HEAD");
        assertNull(post.headers().first("Access-Control-Allow-Origin"));
    }

    @Test
    void aRequestWithoutOriginIsLeftAlone() throws Exception {
        ResponseMessage response = flow(CORS, "GET").response();
        assertTrue(response.isFromBackend());
        assertNull(response.headers().first("Access-Control-Allow-Origin"));
    }

    @Test
    void onlyDirectInboundCorsPoliciesAnswerPreflights() throws Exception {
        assertTrue(PolicyTesting.pipeline(in(Section.INBOUND, CORS), Set.of()).answersPreflights());
        assertFalse(PolicyTesting.pipeline(in(Section.INBOUND, "<set-header name=\"a\"><value>1</value></set-header>"),
                Set.of()).answersPreflights());
    }

    @Test
    void mistakesAreCompileErrors() {
        String origins = "<allowed-origins><origin>https://a.example.com</origin></allowed-origins>";
        assertTrue(compileError(in(Section.INBOUND, "<cors allow-credentials=\"true\"><allowed-origins><origin>*</origin>"
                + "</allowed-origins></cors>")).contains("allow-credentials"));
        assertTrue(compileError(in(Section.INBOUND, "<cors><allowed-origins><origin>*</origin>"
                + "<origin>https://a.example.com</origin></allowed-origins></cors>")).contains("only <origin>"));
        assertTrue(compileError(in(Section.INBOUND, "<cors><allowed-origins><origin>app.example.com</origin>"
                + "</allowed-origins></cors>")).contains("scheme and a host"));
        assertTrue(compileError(in(Section.INBOUND, "<cors><allowed-origins><origin>https://a.example.com/path</origin>"
                + "</allowed-origins></cors>")).contains("without user, path"));
        assertTrue(compileError(in(Section.INBOUND, "<cors/>")).contains("<allowed-origins> is required"));
        assertTrue(compileError(in(Section.INBOUND, "<cors><allowed-origins/></cors>")).contains("at least one <origin>"));
        assertTrue(compileError(in(Section.INBOUND, "<cors>" + origins + "<allowed-methods><method>GE T</method>"
                + "</allowed-methods></cors>")).contains("not a valid HTTP method"));
        assertTrue(compileError(in(Section.INBOUND, "<cors>" + origins + "<allowed-headers><header>a:b</header>"
                + "</allowed-headers></cors>")).contains("not a valid header name"));
        assertTrue(compileError(in(Section.INBOUND, "<cors>" + origins + "<allowed-methods preflight-result-max-age=\"-1\">"
                + "<method>GET</method></allowed-methods></cors>")).contains("preflight-result-max-age"));
        assertTrue(compileError(in(Section.INBOUND, "<cors allow-origin=\"x\">" + origins + "</cors>"))
                .contains("allow-origin"));
        assertTrue(compileError(in(Section.INBOUND, "<cors>" + origins + "<allowed-origin/></cors>"))
                .contains("allowed-origin"));
        assertTrue(compileError(in(Section.INBOUND, "<cors>" + origins + origins + "</cors>")).contains("more than once"));
        assertTrue(compileError(in(Section.INBOUND, "<cors><allowed-origins any=\"true\"><origin>*</origin>"
                + "</allowed-origins></cors>")).contains("any"), "an attribute of a list element is not ignored");
        assertTrue(compileError(in(Section.INBOUND, "<cors>" + origins + "<allowed-headers max-age=\"5\"><header>a</header>"
                + "</allowed-headers></cors>")).contains("max-age"));
        assertTrue(compileError(in(Section.OUTBOUND, "<cors>" + origins + "</cors>")).contains("cors"));
    }
}
