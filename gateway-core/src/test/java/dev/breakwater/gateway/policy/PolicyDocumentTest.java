package dev.breakwater.gateway.policy;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.xml.PolicyDocument;
import dev.breakwater.gateway.policy.xml.PolicyXmlReader;
import org.junit.jupiter.api.Test;

/** Malformed or unknown XML refuses the whole document, with the element and its line. */
class PolicyDocumentTest {

    @Test
    void malformedXmlNamesLineAndColumn() {
        String message = compileError("<policies>\n<inbound>\n<set-header name=\"a\">\n</inbound></policies>");
        assertTrue(message.startsWith("malformed XML at line 4"), message);
    }

    @Test
    void unknownPolicyIsRefusedWithItsLine() {
        String message = compileError("<policies>\n  <inbound>\n    <base/>\n    <validate-everything/>\n  </inbound>\n</policies>");
        assertTrue(message.contains("<validate-everything> at line 4: not a policy this gateway knows"), message);
        assertTrue(message.contains("set-header"), "the message lists what is known: " + message);
    }

    @Test
    void unknownAttributeIsRefused() {
        String message = compileError(PolicyTesting.in(Section.INBOUND,
                "<set-header name=\"a\" exists-acton=\"skip\"><value>1</value></set-header>"));
        assertTrue(message.contains("<set-header> at line 1: unknown attribute 'exists-acton'"), message);
    }

    @Test
    void rootMustBePolicies() {
        assertTrue(compileError("<policy><inbound/></policy>").contains("root element must be <policies>"));
    }

    @Test
    void unknownOrRepeatedSectionIsRefused() {
        assertTrue(compileError("<policies><inbund/></policies>").contains("<inbund> at line 1: not a section"));
        assertTrue(compileError("<policies><inbound/><inbound/></policies>").contains("section appears twice"));
    }

    @Test
    void policyAllowedOnlyInSomeSections() {
        String message = compileError(PolicyTesting.in(Section.OUTBOUND, "<rewrite-uri template=\"/x\"/>"));
        assertTrue(message.contains("<rewrite-uri> at line 1: not allowed in <outbound>; allowed in inbound"), message);
    }

    @Test
    void doctypeIsRefusedSoEntitiesCannotReadFiles() {
        String message = compileError("<!DOCTYPE policies [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<policies><inbound><set-header name=\"a\"><value>&x;</value></set-header></inbound></policies>");
        assertTrue(message.contains("malformed XML"), message);
        assertTrue(message.contains("DOCTYPE"), message);
    }

    @Test
    void anApimPolicyNotBuiltYetIsRefusedByNameNotSkipped() {
        String message = compileError(PolicyTesting.in(Section.INBOUND, "<xsl-transform/>"));
        assertTrue(message.contains("<xsl-transform> at line 1: an APIM policy this gateway does not support yet"), message);
    }

    @Test
    void anUnknownNamedValueRefusesTheDocument() {
        String message = compileError(PolicyTesting.in(Section.INBOUND,
                "<set-header name=\"a\"><value>{{secret}}</value></set-header>"));
        assertTrue(message.contains("<value> at line 1: text refers to the named value 'secret', which does not exist"),
                message);
    }

    @Test
    void blankDocumentInheritsEverything() throws PolicyCompileException {
        PolicyDocument document = PolicyDocument.parse("  ", new PolicyXmlReader());
        assertNull(document.section(Section.INBOUND));
        assertEquals(0, PolicyDocument.parse("<policies><inbound/></policies>", new PolicyXmlReader())
                .section(Section.INBOUND).size());
    }

    @Test
    void commentsAndCdataAreFine() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline("<policies><!-- note --><inbound><set-header name=\"a\">"
                + "<value><![CDATA[x<y]]></value></set-header></inbound></policies>", java.util.Set.of());
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(pipeline, Section.INBOUND, context);
        assertEquals("x<y", context.request().headers().first("a"));
    }

    @Test
    void expressionsWrittenAsApimUsersWriteThemAreReadWithTheirLines() throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, dev.breakwater.gateway.policy.runtime.TemplateValues.NONE,
                "a", "A");
        PolicyTesting.run(PolicyTesting.pipeline("<policies>\n<inbound>\n<set-header name=\"b\">\n<value>@{\n"
                + "  return context.Request.Headers.GetValueOrDefault<string>(\"a\", \"\") + \"<&>\";\n"
                + "}</value>\n</set-header>\n</inbound>\n</policies>", java.util.Set.of()), Section.INBOUND, context);
        assertEquals("A<&>", context.request().headers().first("b"));
        String message = compileError("<policies>\n<inbound>\n<set-header name=\"a\">\n<value>@{\n"
                + "  return context.Request.Nope;\n}</value>\n</set-header>\n</inbound>\n</policies>");
        assertTrue(message.contains("<value> at line 4: text: line 5:"), message);
    }

    @Test
    void malformedXmlAfterAnExpressionKeepsItsLine() {
        String message = compileError("<policies>\n<inbound>\n<set-header name=\"a\" exists-action=\"@(\n"
                + "  \"<\" == \"&\" ? \"skip\" : \"override\")\">\n<value>x</value>\n<oops>\n"
                + "</set-header>\n</inbound>\n</policies>");
        assertTrue(message.startsWith("malformed XML at line 7"), message);
        assertTrue(message.contains("\"oops\""), message);
    }

    @Test
    void aTagSpreadOverSeveralLinesIsReportedWhereItStarts() {
        String message = compileError("<policies>\n<inbound>\n<set-header\n    name=\"a\"\n    exists-acton=\"skip\">\n"
                + "<value>1</value>\n</set-header>\n</inbound>\n</policies>");
        assertTrue(message.contains("<set-header> at line 3: unknown attribute 'exists-acton'"), message);
    }
}
