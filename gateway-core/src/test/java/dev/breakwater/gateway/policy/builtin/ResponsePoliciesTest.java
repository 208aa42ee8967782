package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.views.ExpressionFacade;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** return-response and set-status. */
class ResponsePoliciesTest {

    @Test
    void returnResponseEndsThePipelineWithItsResponse() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<return-response><set-status code=\"201\" reason=\"Made\"/>"
                + "<set-header name=\"Content-Type\"><value>text/plain</value></set-header><set-body>done</set-body>"
                + "</return-response><set-header name=\"X-Never\"><value>1</value></set-header>"), Set.of());
        PolicyContext context = PolicyTesting.context();
        assertEquals(Outcome.RESPOND, PolicyTesting.run(pipeline, Section.INBOUND, context));
        assertEquals(201, context.response().status());
        assertEquals("text/plain", context.response().headers().first("Content-Type"));
        assertArrayEquals("done".getBytes(StandardCharsets.UTF_8), context.response().bodyToSend());
        assertNull(context.request().editedHeaders(), "nothing after return-response ran");
    }

    @Test
    void emptyReturnResponseIsAnEmpty200() throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, "<return-response/>"), Set.of()), Section.INBOUND, context);
        assertEquals(200, context.response().status());
        assertEquals(0, context.response().bodyToSend().length);
    }

    @Test
    void returnResponseChecksItsChildren() {
        assertTrue(compileError(in(Section.INBOUND, "<return-response><set-status code=\"200\"/><set-status code=\"201\"/></return-response>"))
                .contains("only one <set-status>"));
        assertTrue(compileError(in(Section.INBOUND, "<return-response><set-body>a</set-body><set-body>b</set-body></return-response>"))
                .contains("only one <set-body>"));
        assertTrue(compileError(in(Section.INBOUND, "<return-response><rewrite-uri template=\"/x\"/></return-response>"))
                .contains("not allowed inside <return-response>"));
        assertTrue(compileError(in(Section.INBOUND, "<return-response response-variable-name=\"@(&quot;r&quot;)\"/>"))
                .contains("does not take a policy expression"));
        assertTrue(compileError(in(Section.INBOUND, "<return-response response-variable-name=\" \"/>")).contains("is empty"));
    }

    @Test
    void returnResponseOfAStoredCallOutResponseEditedByItsChildren() throws Exception {
        PolicyContext context = PolicyTesting.context();
        ResponseMessage stored = ResponseMessage.received(404, "Nope", new Headers().add("Content-Type", "application/json")
                .add("X-Service", "s"), "{\"found\":false}".getBytes(StandardCharsets.UTF_8));
        context.variables().put("r", ExpressionFacade.viewOf(stored));
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<return-response response-variable-name=\"r\">"
                + "<set-header name=\"X-Replayed\"><value>true</value></set-header></return-response>"), Set.of());
        assertEquals(Outcome.RESPOND, PolicyTesting.run(pipeline, Section.INBOUND, context));
        assertEquals(404, context.response().status());
        assertEquals("Nope", context.response().reason());
        assertEquals("s", context.response().headers().first("X-Service"));
        assertEquals("true", context.response().headers().first("X-Replayed"));
        assertEquals("{\"found\":false}", PolicyTesting.body(context.response()));
        assertNull(stored.headers().first("X-Replayed"), "the stored response is not changed by the edits");
    }

    @Test
    void returnResponseOfAVariableWithoutAResponseFails() throws Exception {
        for (String setup : new String[] {"", "<set-variable name=\"r\" value=\"text\"/>"}) {
            PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline(in(Section.INBOUND, setup
                    + "<return-response response-variable-name=\"r\"/>"), Set.of()), PolicyTesting.context());
            assertEquals("return-response", context.lastError().source());
            assertEquals("ResponseVariableInvalid", context.lastError().reason());
            assertEquals(500, context.response().status());
        }
    }

    @Test
    void interimStatusesAreRefusedAtCompileTime() {
        for (String code : new String[] {"100", "101", "103", "199"}) {
            assertTrue(compileError(in(Section.INBOUND, "<return-response><set-status code=\"" + code + "\"/></return-response>"))
                    .contains("interim (1xx)"), code);
            assertTrue(compileError(in(Section.OUTBOUND, "<set-status code=\"" + code + "\"/>")).contains("interim (1xx)"), code);
        }
    }

    @Test
    void setStatusSetsTheStatus() throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.OUTBOUND, "<set-status code=\"418\"/>"), Set.of()), Section.OUTBOUND, context);
        assertEquals(418, context.response().status());
    }

    @Test
    void setStatusChecksTheCode() {
        assertTrue(compileError(in(Section.OUTBOUND, "<set-status/>")).contains("attribute 'code' is required"));
        assertTrue(compileError(in(Section.OUTBOUND, "<set-status code=\"99\"/>")).contains("from 100 to 599"));
    }
}
