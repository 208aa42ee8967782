package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetHeaderPolicyTest {

    private static PolicyContext runInbound(String elements) throws Exception {
        PolicyContext context = PolicyTesting.context("/", null, TemplateValues.NONE, "X-A", "old", "X-A", "older");
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, elements), Set.of()), Section.INBOUND, context);
        return context;
    }

    @Test
    void overrideReplacesEveryValue() throws Exception {
        PolicyContext context = runInbound("<set-header name=\"x-a\"><value>new</value><value>newer</value></set-header>");
        assertEquals(List.of("new", "newer"), context.request().headers().all("X-A"));
    }

    @Test
    void skipKeepsAnExistingHeaderAndAddsAMissingOne() throws Exception {
        PolicyContext context = runInbound("<set-header name=\"X-A\" exists-action=\"skip\"><value>new</value></set-header>"
                + "<set-header name=\"X-B\" exists-action=\"skip\"><value>b</value></set-header>");
        assertEquals(List.of("old", "older"), context.request().headers().all("X-A"));
        assertEquals("b", context.request().headers().first("X-B"));
    }

    @Test
    void appendAddsAfterExistingValues() throws Exception {
        PolicyContext context = runInbound("<set-header name=\"X-A\" exists-action=\"append\"><value>new</value></set-header>");
        assertEquals(List.of("old", "older", "new"), context.request().headers().all("X-A"));
    }

    @Test
    void deleteRemovesEveryValue() throws Exception {
        PolicyContext context = runInbound("<set-header name=\"X-A\" exists-action=\"delete\"/>");
        assertNull(context.request().headers().first("X-A"));
    }

    @Test
    void outboundActsOnTheResponse() throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.OUTBOUND, "<set-header name=\"X-Out\"><value>1</value></set-header>"), Set.of()), Section.OUTBOUND, context);
        assertEquals("1", context.response().headers().first("X-Out"));
        assertNull(context.request().editedHeaders(), "the request headers were not even copied");
    }

    @Test
    void mistakesAreCompileErrors() {
        assertTrue(compileError(in(Section.INBOUND, "<set-header name=\"X\" exists-action=\"replace\"><value>1</value></set-header>"))
                .contains("must be override, skip, append or delete, not 'replace'"));
        assertTrue(compileError(in(Section.INBOUND, "<set-header name=\"X\"/>")).contains("at least one <value>"));
        assertTrue(compileError(in(Section.INBOUND, "<set-header name=\"X\" exists-action=\"delete\"><value>1</value></set-header>"))
                .contains("takes no <value>"));
        assertTrue(compileError(in(Section.INBOUND, "<set-header><value>1</value></set-header>"))
                .contains("attribute 'name' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<set-header name=\"Bad Name\"><value>1</value></set-header>"))
                .contains("not a valid header name"));
        assertTrue(compileError(in(Section.INBOUND, "<set-header name=\"Content-Length\"><value>1</value></set-header>"))
                .contains("managed by the gateway"));
        assertTrue(compileError(in(Section.INBOUND, "<set-header name=\"X\"><value>a&#10;b</value></set-header>"))
                .contains("line breaks"));
        assertTrue(compileError(in(Section.INBOUND, "<set-header name=\"X\"><val>1</val></set-header>"))
                .contains("<val> at line 1: not allowed inside <set-header>"));
    }
}
