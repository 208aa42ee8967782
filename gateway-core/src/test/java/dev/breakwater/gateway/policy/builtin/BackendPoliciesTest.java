package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(compileError(in(Section.INBOUND, "<set-backend-service backend-id=\"b\"/>")).contains("not supported yet"));
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

    @Test
    void forwardRequestChecksItsAttributes() {
        assertTrue(compileError(in(Section.BACKEND, "<forward-request timeout=\"0\"/>")).contains("from 1 to 3600"));
        assertTrue(compileError(in(Section.BACKEND, "<forward-request timeout=\"ten\"/>")).contains("not 'ten'"));
        assertTrue(compileError(in(Section.BACKEND, "<forward-request http-version=\"2\"/>")).contains("unknown attribute 'http-version'"));
        assertTrue(compileError(in(Section.INBOUND, "<forward-request/>")).contains("not allowed in <inbound>"));
    }
}
