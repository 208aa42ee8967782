package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewriteUriPolicyTest {

    private static String rewrite(String attributes, String query) throws Exception {
        PolicyContext context = PolicyTesting.context("/items/a%20b", query,
                new TemplateValues(List.of("id"), new String[] {"a%20b"}));
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, "<rewrite-uri " + attributes + "/>"), Set.of("id")), Section.INBOUND, context);
        return context.request().backendUrl();
    }

    @Test
    void templateParametersTakeTheRawValues() throws Exception {
        assertEquals("http://backend/base/v2/things/a%20b?x=1", rewrite("template=\"/v2/things/{id}\"", "x=1"));
    }

    @Test
    void aTemplateWithoutALeadingSlashIsBelowTheBaseUrlAllTheSame() throws Exception {
        assertEquals("http://backend/base/v2/things/a%20b?x=1", rewrite("template=\"v2/things/{id}\"", "x=1"));
    }

    @Test
    void templateQueryComesFirstThenTheClientsUnlessDropped() throws Exception {
        assertEquals("http://backend/base/v2?id=a%20b&view=full&x=1",
                rewrite("template=\"/v2?id={id}&amp;view=full\"", "x=1"));
        assertEquals("http://backend/base/v2?view=full",
                rewrite("template=\"/v2?view=full\" copy-unmatched-params=\"false\"", "x=1"));
        assertEquals("http://backend/base/v2", rewrite("template=\"/v2\" copy-unmatched-params=\"false\"", "x=1"));
    }

    @Test
    void unknownParameterIsACompileError() {
        PolicyCompileException error = assertThrows(PolicyCompileException.class, () -> PolicyTesting.pipeline(
                in(Section.INBOUND, "<rewrite-uri template=\"/v2/{itemId}\"/>"), Set.of("id")));
        assertTrue(error.getMessage().contains("<rewrite-uri> at line 1: refers to the template parameter {itemId}, "
                + "which operation 'echo/get-item' does not have; it has {id}"),
                error.getMessage());
    }

    @Test
    void malformedTemplatesAreCompileErrors() {
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<rewrite-uri template=\"/a b\"/>")).contains("percent-encoded"));
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<rewrite-uri template=\"/a/{b\"/>")).contains("without its '}'"));
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<rewrite-uri template=\"/a\" copy-unmatched-params=\"yes\"/>"))
                .contains("must be true or false"));
    }
}
