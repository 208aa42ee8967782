package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.backend.PoolBackend;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.backend.SingleBackend;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.List;
import java.util.Map;

import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** set-backend-service and forward-request. */
class BackendPoliciesTest {

    @Test
    void setBackendServiceReplacesTheBaseUrl() throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, "<set-backend-service base-url=\"https://other:8443/v2/\"/>"), Set.of()), Section.INBOUND, context);
        assertEquals("https://other:8443/v2/items", context.request().backendUrl());
    }

    @Test
    void setBackendServiceChecksTheUrl() {
        assertTrue(compileError(in(Section.INBOUND, "<set-backend-service base-url=\"ftp://x\"/>")).contains("http://"));
        assertTrue(compileError(in(Section.INBOUND, "<set-backend-service base-url=\"http://u:p@x\"/>")).contains("credentials"));
        assertTrue(compileError(in(Section.INBOUND, "<set-backend-service backend-id=\"b\"/>"))
                .contains("attribute 'backend-id': no backend 'b'; none is defined"));
        assertTrue(compileError(in(Section.INBOUND, "<set-backend-service/>")).contains("one of the attributes"));
        assertTrue(compileError(in(Section.OUTBOUND, "<set-backend-service base-url=\"http://x\"/>")).contains("not allowed in <outbound>"));
    }

    @Test
    void forwardRequestCarriesItsOptions() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.BACKEND,
                "<forward-request timeout=\"7\" follow-redirects=\"true\" fail-on-error-status-code=\"true\" buffer-response=\"false\"/>"),
                Set.of());
        PolicyContext context = PolicyTesting.context();
        assertEquals(Outcome.CONTINUE, PolicyTesting.run(pipeline, Section.BACKEND, context));
        assertEquals(new ForwardOptions(7000, true, true), context.get(ForwardOptions.KEY));
    }

    private static final SingleBackend ORDERS = new SingleBackend("orders", "http://orders:8080/v1",
            Map.of("x-key", List.of("k1")), Map.of("code", List.of("c1")), "Bearer t", null);

    private static Pipeline withBackends(String section) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(List.of(), List.of(),
                new Backends(Map.of("orders", ORDERS))), null, null, section, Set.of());
    }

    @Test
    void backendIdSendsTheRequestToTheEntityWithItsCredentialsAddedWhenForwarded() throws Exception {
        PolicyContext context = PolicyTesting.context("/items", "x=1", TemplateValues.NONE, "x-key", "client's");
        PolicyTesting.flow(withBackends(in(Section.INBOUND, "<set-backend-service backend-id=\"orders\"/>")), context);
        assertSame(ORDERS, context.request().backend());
        assertEquals("http://orders:8080/v1/items?x=1&code=c1", context.request().backendUrl());
        assertEquals(List.of("k1"), context.request().headers().all("x-key"), "the backend's value replaces the client's");
        assertEquals("Bearer t", context.request().headers().first("Authorization"));
    }

    @Test
    void aRetryThatFailsOverInAPoolSendsOnlyTheNewMembersCredentials() throws Exception {
        SingleBackend first = new SingleBackend("first", "http://first", Map.of("x-first-key", List.of("f")),
                Map.of("first-code", List.of("1")), "Bearer first", null);
        SingleBackend second = new SingleBackend("second", "http://second", Map.of("x-second-key", List.of("s")),
                Map.of(), null, null);
        PoolBackend pool = new PoolBackend("pool", List.of(new PoolBackend.Member(first, 0, 1),
                new PoolBackend.Member(second, 0, 1)));
        PolicyContext context = PolicyTesting.context();
        StubBackend backend = new StubBackend();
        backend.status = 503;
        context.setForwarder(backend);
        Pipeline retried = PolicyTesting.pipeline(PolicyTesting.environment(List.of(), List.of(),
                new Backends(Map.of("pool", pool))), null, null, "<policies><inbound><set-backend-service "
                + "backend-id=\"pool\"/></inbound><backend><retry condition=\"@(context.Response.StatusCode == 503)\" "
                + "count=\"1\" interval=\"0\"><forward-request/></retry></backend></policies>", Set.of());
        PolicyTesting.flow(retried, context);
        assertEquals(List.of("GET http://first/items?first-code=1", "GET http://second/items"), backend.calls,
                "turns: first, then second, without the first's query credential");
        assertNull(context.request().headers().first("x-first-key"));
        assertNull(context.request().headers().first("Authorization"), "the first's Authorization is gone");
        assertEquals("s", context.request().headers().first("x-second-key"));
    }

    @Test
    void aBaseUrlAfterABackendIdLeavesTheEntity() throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.flow(withBackends(in(Section.INBOUND, "<set-backend-service backend-id=\"orders\"/>"
                + "<set-backend-service base-url=\"http://plain\"/>")), context);
        assertNull(context.request().backend());
        assertEquals("http://plain/items", context.request().backendUrl());
        assertNull(context.request().headers().first("Authorization"), "no credentials of a backend no longer used");
    }

    @Test
    void aBackendIdFromAnExpressionIsFoundPerRequest() throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "X-Backend", "orders");
        Pipeline pipeline = withBackends(in(Section.INBOUND, "<set-backend-service backend-id="
                + "\"@(context.Request.Headers.GetValueOrDefault(\"X-Backend\", \"\"))\"/>"));
        PolicyTesting.run(pipeline, Section.INBOUND, context);
        assertSame(ORDERS, context.request().backend());
        PolicyContext unknown = PolicyTesting.context("/items", null, TemplateValues.NONE, "X-Backend", "nope");
        PolicyException error = assertThrows(PolicyException.class,
                () -> PolicyTesting.run(pipeline, Section.INBOUND, unknown));
        assertEquals("BackendNotFound", error.error().reason());
    }

    @Test
    void forwardRequestChecksItsAttributes() {
        assertTrue(compileError(in(Section.BACKEND, "<forward-request timeout=\"0\"/>")).contains("from 1 to 3600"));
        assertTrue(compileError(in(Section.BACKEND, "<forward-request timeout=\"ten\"/>")).contains("not 'ten'"));
        assertTrue(compileError(in(Section.BACKEND, "<forward-request http-version=\"2\"/>")).contains("unknown attribute 'http-version'"));
        assertTrue(compileError(in(Section.INBOUND, "<forward-request/>")).contains("not allowed in <inbound>"));
    }
}
