package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.policy.runtime.TraceEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** choose, set-variable, set-method and trace, with expressions. */
class ControlPoliciesTest {

    private static PolicyContext inbound(String elements, String... headers) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", "q=1", TemplateValues.NONE, headers);
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, elements), Set.of()), Section.INBOUND, context);
        return context;
    }

    @Test
    void chooseRunsTheFirstBranchWhoseConditionHoldsElseOtherwise() throws Exception {
        String choose = "<choose><when condition=\"@(context.Request.Headers.GetValueOrDefault(\"X-Tier\", \"\") == \"gold\")\">"
                + "<set-header name=\"X-Branch\"><value>gold</value></set-header></when>"
                + "<when condition=\"@(context.Request.Headers.ContainsKey(\"X-Tier\"))\">"
                + "<set-header name=\"X-Branch\"><value>other</value></set-header></when>"
                + "<otherwise><set-header name=\"X-Branch\"><value>none</value></set-header></otherwise></choose>";
        assertEquals("gold", inbound(choose, "X-Tier", "gold").request().headers().first("X-Branch"));
        assertEquals("other", inbound(choose, "X-Tier", "silver").request().headers().first("X-Branch"));
        assertEquals("none", inbound(choose).request().headers().first("X-Branch"));
        assertNull(inbound("<choose><when condition=\"@(false)\"><set-header name=\"X\"><value>1</value></set-header>"
                + "</when></choose>").request().editedHeaders(), "no branch, no otherwise: nothing happens");
    }

    @Test
    void aReturnResponseInABranchEndsThePipeline() throws Exception {
        PolicyContext context = PolicyTesting.context();
        Outcome outcome = PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, "<choose><when condition=\"@(true)\">"
                + "<return-response><set-status code=\"401\"/></return-response></when></choose>"
                + "<set-header name=\"X-Never\"><value>1</value></set-header>"), Set.of()), Section.INBOUND, context);
        assertEquals(Outcome.RESPOND, outcome);
        assertEquals(401, context.response().status());
        assertNull(context.request().editedHeaders());
    }

    @Test
    void chooseIsCheckedWhenCompiled() {
        assertTrue(compileError(in(Section.INBOUND, "<choose><otherwise/></choose>")).contains("needs at least one <when>"));
        assertTrue(compileError(in(Section.INBOUND, "<choose><otherwise/><when condition=\"@(true)\"/></choose>"))
                .contains("comes after <otherwise>"));
        assertTrue(compileError(in(Section.INBOUND, "<choose><when condition=\"@(1)\"/></choose>"))
                .contains("attribute 'condition'"), "a condition must be a bool");
        assertTrue(compileError(in(Section.INBOUND, "<choose><when/></choose>")).contains("'condition' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<choose><when condition=\"@(true)\"><rewrite-uri template=\"/x\"/>"
                + "<forward-request/></when></choose>")).contains("<forward-request> at line 1: not allowed in <inbound>"),
                "children follow the section's rules");
    }

    @Test
    void setVariableKeepsTheValuesTypeForLaterExpressions() throws Exception {
        PolicyContext context = inbound("<set-variable name=\"n\" value=\"@(40 + 2)\"/>"
                + "<set-variable name=\"s\" value=\"plain\"/>"
                + "<set-header name=\"X-N\"><value>@(((int)context.Variables[\"n\"] + 1).ToString())</value></set-header>"
                + "<set-header name=\"X-S\"><value>@(context.Variables.GetValueOrDefault(\"s\", \"\") + \"!\")</value></set-header>"
                + "<set-header name=\"X-Missing\"><value>@(context.Variables.GetValueOrDefault(\"nope\", \"default\"))</value></set-header>");
        assertEquals(42, context.variables().get("n"));
        assertEquals("43", context.request().headers().first("X-N"));
        assertEquals("plain!", context.request().headers().first("X-S"));
        assertEquals("default", context.request().headers().first("X-Missing"));
        assertTrue(compileError(in(Section.INBOUND, "<set-variable name=\"x\"/>")).contains("'value' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<set-variable value=\"1\"/>")).contains("'name' is required"));
    }

    @Test
    void setMethodChangesTheBackendMethod() throws Exception {
        assertEquals("POST", inbound("<set-method>post</set-method>").request().method());
        assertEquals("DELETE", inbound("<set-method>@(\"DELETE\")</set-method>").request().method());
        assertTrue(compileError(in(Section.INBOUND, "<set-method>NO WAY</set-method>")).contains("not an HTTP method"));
        assertTrue(compileError(in(Section.OUTBOUND, "<set-method>GET</set-method>")).contains("not allowed in <outbound>"));
    }

    @Test
    void traceAddsItsMessageAndMetadataForTheRequestLog() throws Exception {
        PolicyContext context = inbound("<trace source=\"orders\" severity=\"error\"><message>@(\"for \" + "
                + "context.Request.Method)</message><metadata name=\"q\" value=\"@(context.Request.Url.Query.GetValueOrDefault(\"q\", \"\"))\"/>"
                + "</trace><trace source=\"plain\"><message>hello</message></trace>"
                + "<trace source=\"old\">@(\"the earlier form \" + 1)</trace>");
        assertEquals(List.of(new TraceEntry("orders", "error", "for GET", Map.of("q", "1")),
                new TraceEntry("plain", "verbose", "hello", Map.of()),
                new TraceEntry("old", "verbose", "the earlier form 1", Map.of())), context.traces());
        assertTrue(compileError(in(Section.INBOUND, "<trace source=\"s\"/>")).contains("a <message> is required"));
        assertTrue(compileError(in(Section.INBOUND, "<trace source=\"s\" severity=\"loud\"><message>m</message></trace>"))
                .contains("must be verbose, information or error"));
    }

    @Test
    void valuesFromExpressionsAreCheckedWhenTheyRun() throws Exception {
        PolicyContext context = PolicyTesting.flow(in(Section.INBOUND,
                "<set-header name=\"X\"><value>@(\"a\\nb\")</value></set-header>"));
        assertEquals(500, context.response().status(), "a header value with a line break fails the request");
        assertEquals("InvalidValue", context.lastError().reason());
        PolicyContext status = PolicyTesting.flow(in(Section.OUTBOUND, "<set-status code=\"@(100)\"/>"));
        assertEquals(500, status.response().status(), "an interim status from an expression is refused too");
    }
}
