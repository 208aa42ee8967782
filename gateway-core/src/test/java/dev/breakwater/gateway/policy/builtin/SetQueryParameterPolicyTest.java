package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetQueryParameterPolicyTest {

    private static String run(String query, String elements) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", query, TemplateValues.NONE);
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, elements), Set.of()), Section.INBOUND, context);
        return context.request().backendUrl();
    }

    @Test
    void overrideReplacesAndEncodes() throws Exception {
        assertEquals("http://backend/base/items?b=2&a=x%20y%26z",
                run("a=1&b=2&a=3", "<set-query-parameter name=\"a\"><value>x y&amp;z</value></set-query-parameter>"));
    }

    @Test
    void skipAppendDelete() throws Exception {
        assertEquals("http://backend/base/items?a=1", run("a=1",
                "<set-query-parameter name=\"a\" exists-action=\"skip\"><value>2</value></set-query-parameter>"));
        assertEquals("http://backend/base/items?a=1&a=2", run("a=1",
                "<set-query-parameter name=\"a\" exists-action=\"append\"><value>2</value></set-query-parameter>"));
        assertEquals("http://backend/base/items?b=2", run("a=1&b=2&%61=3",
                "<set-query-parameter name=\"a\" exists-action=\"delete\"/>"));
        assertEquals("http://backend/base/items", run("a=1", "<set-query-parameter name=\"a\" exists-action=\"delete\"/>"));
    }

    @Test
    void untouchedParametersKeepTheirRawForm() throws Exception {
        assertEquals("http://backend/base/items?q=%C3%A9t%C3%A9+x&flag&z=1", run("q=%C3%A9t%C3%A9+x&flag",
                "<set-query-parameter name=\"z\"><value>1</value></set-query-parameter>"));
    }

    @Test
    void onlyBeforeTheBackend() {
        assertTrue(compileError(in(Section.OUTBOUND, "<set-query-parameter name=\"a\"><value>1</value></set-query-parameter>"))
                .contains("not allowed in <outbound>"));
    }
}
