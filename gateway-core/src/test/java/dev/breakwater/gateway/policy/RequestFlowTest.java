package dev.breakwater.gateway.policy;

import static dev.breakwater.gateway.policy.PolicyTesting.body;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyError;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order of sections and the way to on-error, on a stub backend, without a server. */
class RequestFlowTest {

    private static StubBackend backend(PolicyContext context) {
        return (StubBackend) context.forwarder();
    }

    @Test
    void forwardsByDefaultAndTheBackendsResponseGoesOut() throws Exception {
        PolicyContext context = PolicyTesting.flow((String) null);
        assertEquals(1, backend(context).calls.size());
        assertEquals("GET http://backend/base/items", backend(context).calls.get(0));
        assertTrue(context.response().isFromBackend());
        assertEquals("b", context.response().headers().first("X-Backend"));
        assertEquals(ForwardOptions.DEFAULT, context.get(ForwardOptions.KEY));
    }

    @Test
    void returnResponseInInboundAnswersWithoutBackendOrOutbound() throws Exception {
        PolicyContext context = PolicyTesting.flow("<policies><inbound><return-response><set-status code=\"202\"/>"
                + "</return-response></inbound><outbound><set-header name=\"X-Out\"><value>1</value></set-header>"
                + "</outbound></policies>");
        assertEquals(202, context.response().status());
        assertEquals(0, backend(context).calls.size());
        assertNull(context.response().headers().first("X-Out"), "outbound does not run after return-response");
    }

    @Test
    void outboundEditsTheBackendResponseAndKeepsItsBodyStreaming() throws Exception {
        PolicyContext context = PolicyTesting.flow(in(Section.OUTBOUND,
                "<set-header name=\"X-Out\"><value>1</value></set-header><set-status code=\"299\"/>"));
        assertEquals(299, context.response().status());
        assertEquals("1", context.response().headers().first("X-Out"));
        assertEquals("b", context.response().headers().first("X-Backend"));
        assertTrue(context.response().isFromBackend() && context.response().body().isStream());
    }

    @Test
    void returnResponseInOutboundReplacesTheBackendsResponse() throws Exception {
        PolicyContext context = PolicyTesting.flow(in(Section.OUTBOUND,
                "<return-response><set-body>mine</set-body></return-response>"));
        assertFalse(context.response().isFromBackend());
        assertEquals(200, context.response().status());
        assertEquals("mine", body(context.response()));
    }

    @Test
    void aBackendSectionWithoutForwardRequestAnswersWithAnEmpty200ThroughOutbound() throws Exception {
        PolicyContext context = PolicyTesting.flow("<policies><backend/><outbound><set-header name=\"X-Out\">"
                + "<value>1</value></set-header></outbound></policies>");
        assertEquals(0, backend(context).calls.size());
        assertEquals(200, context.response().status());
        assertEquals("1", context.response().headers().first("X-Out"));
    }

    @Test
    void anErrorGivesAJsonErrorThatOnErrorMayChangeAndLastErrorSaysWhere() throws Exception {
        PolicyContext context = PolicyTesting.flow("<policies><inbound><choose><when condition=\"@(true)\">"
                + "<set-header name=\"X\" id=\"broken\"><value>@(((string)null).Length.ToString())</value></set-header>"
                + "</when></choose></inbound><on-error><set-header name=\"X-Error\"><value>"
                + "@(context.LastError.Source + \"|\" + context.LastError.Reason + \"|\" + context.LastError.Section + \"|\""
                + " + context.LastError.Path + \"|\" + context.LastError.PolicyId + \"|\" + context.LastError.Scope)</value>"
                + "</set-header><set-status code=\"503\"/></on-error></policies>");
        ResponseMessage response = context.response();
        assertEquals(503, response.status());
        assertEquals("set-header|ExpressionValueEvaluationFailure|inbound|choose[1]/when[1]/set-header[1]|broken|operation",
                response.headers().first("X-Error"));
        assertEquals("{\"statusCode\":503,\"message\":\"Expression evaluation failed. Object reference not set to an "
                + "instance of an object.\"}", body(response), "the default error body shows the final status");
        assertEquals(0, backend(context).calls.size());
    }

    @Test
    void onErrorMayAnswerWithItsOwnResponse() throws Exception {
        PolicyContext context = PolicyTesting.flow("<policies><inbound><set-method>@(null)</set-method></inbound>"
                + "<on-error><return-response><set-status code=\"418\"/><set-body>later</set-body>"
                + "</return-response></on-error></policies>");
        assertEquals(418, context.response().status());
        assertEquals("later", body(context.response()));
        assertEquals("set-method", context.lastError().source());
    }

    @Test
    void aFailureInOnErrorLeavesAPlain500() throws Exception {
        PolicyContext context = PolicyTesting.flow("<policies><inbound><set-method>@(null)</set-method></inbound>"
                + "<on-error><set-method>@(null)</set-method></on-error></policies>");
        assertEquals(500, context.response().status());
        assertEquals("{\"statusCode\":500,\"message\":\"Internal server error\"}", body(context.response()));
    }

    @Test
    void failOnErrorStatusCodeSendsBackendErrorsToOnError() throws Exception {
        PolicyContext context = PolicyTesting.context();
        backend(context).status = 500;
        PolicyTesting.flow(PolicyTesting.pipeline("<policies><backend><forward-request fail-on-error-status-code=\"true\"/>"
                + "</backend><on-error><set-header name=\"X-Error\"><value>@(context.LastError.Reason)</value>"
                + "</set-header></on-error></policies>", Set.of()), context);
        assertEquals(500, context.response().status());
        assertFalse(context.response().isFromBackend(), "the backend's body is not sent");
        assertEquals("BackendErrorStatusCode", context.response().headers().first("X-Error"));
    }

    @Test
    void anErrorPassedInGoesToOnError() throws Exception {
        PolicyContext context = PolicyTesting.context();
        new dev.breakwater.gateway.policy.runtime.RequestFlow(PolicyTesting.pipeline(
                "<policies><on-error><set-header name=\"X-Error\"><value>seen</value></set-header></on-error></policies>",
                Set.of()), context).fail(PolicyError.builtIn("forward-request", "Timeout", 504,
                "The backend did not answer in time"));
        assertEquals(504, context.response().status());
        assertEquals("seen", context.response().headers().first("X-Error"));
        assertEquals("{\"statusCode\":504,\"message\":\"The backend did not answer in time\"}", body(context.response()));
    }

    @Test
    void errorJsonEscapes() {
        assertEquals("{\"statusCode\":400,\"message\":\"a \\\"b\\\" \\\\ \\u000a\"}",
                new String(ResponseMessage.errorJson(400, "a \"b\" \\ \n"), StandardCharsets.UTF_8));
    }
}
