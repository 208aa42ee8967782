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
import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Forwarder;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import dev.breakwater.gateway.subscription.Caller;
import dev.breakwater.gateway.subscription.Subscription;
import dev.breakwater.gateway.subscription.User;
import org.junit.jupiter.api.Test;

/**
 * cache-lookup and cache-store compiled from XML and run on one gateway's services (a manual clock)
 * against a backend without a server that answers with a numbered body: hits and misses, the vary-by
 * keys, what is not cached, expiry, downstream Cache-Control, and the attributes refused.
 */
class ResponseCachePoliciesTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PolicyServices services = new PolicyServices(new MetricRegistry(), clock);
    private final NumberingBackend backend = new NumberingBackend();

    /** Answers "response N" (N counts its calls) with the status and headers set here. */
    private static final class NumberingBackend implements Forwarder {
        int calls;
        int status = 200;
        String cacheControl;

        @Override
        public CompletionStage<Outcome> forward(PolicyContext context, ForwardOptions options) {
            calls++;
            Headers headers = new Headers().add("Content-Type", "text/plain").add("Set-Cookie", "s=" + calls);
            if (cacheControl != null) {
                headers.add("Cache-Control", cacheControl);
            }
            ResponseMessage response = ResponseMessage.fromBackend(status, null, headers);
            response.body().buffered(("response " + calls).getBytes(StandardCharsets.UTF_8));
            context.setResponse(response);
            return CompletableFuture.completedFuture(Outcome.CONTINUE);
        }
    }

    private static final String STORE = "<cache-store duration=\"60\"/>";

    private static String lookup(String attributes, String children) {
        return "<cache-lookup vary-by-developer=\"false\" vary-by-developer-groups=\"false\"" + attributes + ">"
                + children + "</cache-lookup>";
    }

    private Pipeline pipeline(String inbound, String outbound) throws Exception {
        String document = "<policies><inbound>" + inbound + "</inbound><backend><forward-request/></backend><outbound>"
                + outbound + "</outbound></policies>";
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, document, Set.of());
    }

    private ResponseMessage get(Pipeline pipeline, String query, String... headers) throws Exception {
        return send(pipeline, "GET", query, headers);
    }

    private ResponseMessage send(Pipeline pipeline, String method, String query, String... headers) throws Exception {
        return send(pipeline, method, query, Caller.NONE, headers);
    }

    private ResponseMessage send(Pipeline pipeline, String method, String query, Caller caller, String... headers)
            throws Exception {
        PolicyContext context = PolicyTesting.context("/items", query, TemplateValues.NONE, headers);
        context.setCaller(caller);
        context.request().setMethod(method);
        context.setForwarder(backend);
        return PolicyTesting.flow(pipeline, context).response();
    }

    @Test
    void aSecondGetIsServedFromTheCacheWithStatusHeadersAndBody() throws Exception {
        Pipeline pipeline = pipeline(lookup("", ""), STORE);
        ResponseMessage first = get(pipeline, null);
        ResponseMessage second = get(pipeline, null);
        assertEquals(1, backend.calls, "the backend is not called for the hit");
        assertEquals("response 1", PolicyTesting.body(first));
        assertEquals("response 1", PolicyTesting.body(second));
        assertEquals(200, second.status());
        assertEquals("text/plain", second.headers().first("Content-Type"));
        assertNull(second.headers().first("Set-Cookie"), "a cookie is not served to other clients");
        assertEquals("no-store", second.headers().first("Cache-Control"), "downstream-caching-type none by default");
    }

    @Test
    void varyByQueryParameterAndHeaderMakeTheirOwnEntriesAndOtherParametersDoNot() throws Exception {
        Pipeline pipeline = pipeline(lookup("", "<vary-by-query-parameter>version;lang</vary-by-query-parameter>"
                + "<vary-by-header>Accept</vary-by-header>"), STORE);
        assertEquals("response 1", PolicyTesting.body(get(pipeline, "version=1&other=a", "Accept", "text/plain")));
        assertEquals("response 1", PolicyTesting.body(get(pipeline, "version=1&other=b", "accept", "text/plain")),
                "a parameter not named does not vary the key; header names are case-insensitive");
        assertEquals("response 2", PolicyTesting.body(get(pipeline, "version=2", "Accept", "text/plain")));
        assertEquals("response 3", PolicyTesting.body(get(pipeline, "version=1&lang=fr", "Accept", "text/plain")));
        assertEquals("response 4", PolicyTesting.body(get(pipeline, "version=1&other=a", "Accept", "application/json")));
        assertEquals("response 5", PolicyTesting.body(get(pipeline, "version=1&other=a")), "no header is a value too");
        assertEquals(5, backend.calls);
    }

    @Test
    void onlyGetIsCachedAndARequestWithAuthorizationOnlyWhenAllowed() throws Exception {
        Pipeline pipeline = pipeline(lookup("", ""), STORE);
        send(pipeline, "POST", null);
        send(pipeline, "POST", null);
        assertEquals(2, backend.calls, "a POST is neither served from nor stored in the cache");
        assertEquals(0, services.responseCache().size());
        get(pipeline, null, "Authorization", "Bearer a");
        get(pipeline, null, "Authorization", "Bearer a");
        assertEquals(4, backend.calls, "a private request is not cached by default");
        Pipeline allowed = pipeline(lookup(" allow-private-response-caching=\"true\"",
                "<vary-by-header>Authorization</vary-by-header>"), STORE);
        assertEquals("response 5", PolicyTesting.body(get(allowed, null, "Authorization", "Bearer a")));
        assertEquals("response 5", PolicyTesting.body(get(allowed, null, "Authorization", "Bearer a")));
        assertEquals("response 6", PolicyTesting.body(get(allowed, null, "Authorization", "Bearer b")));
    }

    @Test
    void onlyA200IsStoredUnlessCacheResponseIsTrueAndNoStoreIsNeverStored() throws Exception {
        backend.status = 404;
        Pipeline pipeline = pipeline(lookup("", ""), STORE);
        get(pipeline, null);
        get(pipeline, null);
        assertEquals(2, backend.calls, "a 404 is not stored");
        Pipeline always = pipeline(lookup("", ""), "<cache-store duration=\"60\" cache-response=\"true\"/>");
        get(always, null);
        ResponseMessage hit = get(always, null);
        assertEquals(3, backend.calls, "cache-response=true stores the 404");
        assertEquals(404, hit.status());
        backend.status = 200;
        backend.cacheControl = "no-store";
        Pipeline other = pipeline(lookup("", "<vary-by-header>X-Other</vary-by-header>"), STORE);
        get(other, null);
        get(other, null);
        assertEquals(5, backend.calls, "the backend's no-store is honoured");
    }

    @Test
    void anEntryExpiresAfterItsDurationOnTheGatewaysClock() throws Exception {
        Pipeline pipeline = pipeline(lookup(" downstream-caching-type=\"public\"", ""), "<cache-store duration=\"30\"/>");
        ResponseMessage miss = get(pipeline, null);
        assertEquals("public, max-age=30, must-revalidate", miss.headers().first("Cache-Control"));
        clock.advance(Duration.ofSeconds(20));
        ResponseMessage hit = get(pipeline, null);
        assertEquals("response 1", PolicyTesting.body(hit));
        assertEquals("public, max-age=10, must-revalidate", hit.headers().first("Cache-Control"),
                "max-age is what the gateway keeps it for");
        clock.advance(Duration.ofSeconds(11));
        assertEquals("response 2", PolicyTesting.body(get(pipeline, null)), "expired: the backend is called again");
        assertEquals(2, backend.calls);
    }

    private static Caller callerOf(String subscriptionId, String userId, String... groups) {
        User user = userId == null ? null : new User(userId, userId + "@x", null, null, null, false, List.of(groups), null);
        return new Caller(new Subscription(subscriptionId, subscriptionId, null, null, true, user, false, null, null, null),
                "key-" + subscriptionId, true, null);
    }

    @Test
    void varyByDeveloperKeepsOneEntryPerSubscriptionOwnerAndVaryByGroupsOnePerSetOfGroups() throws Exception {
        Pipeline byDeveloper = pipeline("<cache-lookup vary-by-developer=\"true\" vary-by-developer-groups=\"false\"/>",
                STORE);
        assertEquals("response 1", PolicyTesting.body(send(byDeveloper, "GET", null, callerOf("s1", "ann"))));
        assertEquals("response 1", PolicyTesting.body(send(byDeveloper, "GET", null, callerOf("s2", "ann"))),
                "two subscriptions of one developer share entries");
        assertEquals("response 2", PolicyTesting.body(send(byDeveloper, "GET", null, callerOf("s3", "bob"))));
        assertEquals("response 3", PolicyTesting.body(send(byDeveloper, "GET", null, callerOf("s4", null))),
                "a subscription without an owner is its own developer");
        assertEquals("response 4", PolicyTesting.body(get(byDeveloper, null)), "anonymous calls are one more");
        Pipeline byGroups = pipeline("<cache-lookup vary-by-developer=\"false\" vary-by-developer-groups=\"true\"/>",
                STORE);
        assertEquals("response 5", PolicyTesting.body(send(byGroups, "GET", null, callerOf("s1", "ann", "a", "b"))));
        assertEquals("response 5", PolicyTesting.body(send(byGroups, "GET", null, callerOf("s3", "bob", "b", "a"))),
                "the same groups share entries, whatever their order");
        assertEquals("response 6", PolicyTesting.body(send(byGroups, "GET", null, callerOf("s5", "cid", "a"))));
    }

    @Test
    void privateDownstreamCachingWithoutRevalidation() throws Exception {
        Pipeline pipeline = pipeline(lookup(" downstream-caching-type=\"private\" must-revalidate=\"false\"", ""), STORE);
        assertEquals("private, max-age=60", get(pipeline, null).headers().first("Cache-Control"));
    }

    @Test
    void unsupportedOrWrongAttributesAreRefusedAtCompileTime() {
        assertTrue(compileError(in(Section.INBOUND, "<cache-lookup vary-by-developer=\"yes\" vary-by-developer-groups="
                + "\"false\"/>")).contains("'vary-by-developer' must be true or false, not 'yes'"));
        assertTrue(compileError(in(Section.INBOUND, "<cache-lookup vary-by-developer-groups=\"false\"/>"))
                .contains("'vary-by-developer' is required"));
        assertTrue(compileError(in(Section.INBOUND, lookup(" caching-type=\"external\"", "")))
                .contains("'external' is not supported yet"));
        assertTrue(compileError(in(Section.INBOUND, lookup(" downstream-caching-type=\"shared\"", "")))
                .contains("must be none, private or public"));
        assertTrue(compileError(in(Section.INBOUND, lookup(" vary-by-user=\"false\"", ""))).contains("vary-by-user"));
        assertTrue(compileError(in(Section.INBOUND, lookup("", "<vary-by-cookie>a</vary-by-cookie>")))
                .contains("vary-by-cookie"));
        assertTrue(compileError(in(Section.OUTBOUND, "<cache-store/>")).contains("'duration' is required"));
        assertTrue(compileError(in(Section.OUTBOUND, "<cache-store duration=\"60\" other=\"x\"/>")).contains("other"));
        assertFalse(compileError(in(Section.INBOUND, STORE)).isEmpty(), "cache-store stands in outbound only");
    }
}
