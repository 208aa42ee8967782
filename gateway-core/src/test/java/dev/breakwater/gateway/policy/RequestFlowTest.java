package dev.breakwater.gateway.policy;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** The order of sections and the way to on-error, without a server. */
class RequestFlowTest {

    private static RequestFlow flow(String policy) throws PolicyCompileException {
        return new RequestFlow(PolicyTesting.pipeline(policy, Set.of()), PolicyTesting.context());
    }

    private static String body(ResponseMessage response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void forwardsByDefault() throws Exception {
        assertEquals(RequestFlow.Next.FORWARD, flow(null).beforeBackend());
    }

    @Test
    void returnResponseInInboundAnswersWithoutBackend() throws Exception {
        RequestFlow flow = flow(in(Section.INBOUND, "<return-response><set-status code=\"202\"/></return-response>"));
        assertEquals(RequestFlow.Next.RESPOND, flow.beforeBackend());
        assertEquals(202, flow.context().response().status());
    }

    @Test
    void outboundEditsTheBackendResponseAndKeepsItsBody() throws Exception {
        RequestFlow flow = flow(in(Section.OUTBOUND, "<set-header name=\"X-Out\"><value>1</value></set-header><set-status code=\"299\"/>"));
        flow.beforeBackend();
        flow.context().setResponse(new ResponseMessage(200, HttpFields.build().add("X-Backend", "b")));
        assertTrue(flow.inspectsBackendResponse());
        flow.afterBackend();
        assertFalse(flow.backendBodyDiscarded());
        assertEquals(299, flow.context().response().status());
        assertEquals("1", flow.context().response().headers().get("X-Out"));
        assertEquals("b", flow.context().response().headers().get("X-Backend"));
    }

    @Test
    void returnResponseInOutboundReplacesTheBackendBody() throws Exception {
        RequestFlow flow = flow(in(Section.OUTBOUND, "<return-response><set-body>mine</set-body></return-response>"));
        flow.beforeBackend();
        flow.context().setResponse(new ResponseMessage(500, HttpFields.build()));
        flow.afterBackend();
        assertTrue(flow.backendBodyDiscarded());
        assertEquals(200, flow.context().response().status());
        assertEquals("mine", body(flow.context().response()));
    }

    @Test
    void noOutboundPolicyMeansTheBackendResponsePassesAsIs() throws Exception {
        RequestFlow flow = flow(null);
        flow.beforeBackend();
        assertFalse(flow.inspectsBackendResponse());
    }

    @Test
    void backendFailureGivesAJsonErrorThatOnErrorMayChange() throws Exception {
        RequestFlow flow = flow("<policies><on-error><set-header name=\"X-Error\"><value>seen</value></set-header>"
                + "</on-error></policies>");
        flow.beforeBackend();
        flow.fail(new PolicyError("backend", 504, "The backend did not answer in time"));
        ResponseMessage response = flow.context().response();
        assertEquals(504, response.status());
        assertEquals("seen", response.headers().get("X-Error"));
        assertEquals("{\"statusCode\":504,\"message\":\"The backend did not answer in time\"}", body(response));
        assertEquals("backend", flow.context().lastError().source());
    }

    @Test
    void onErrorMayAnswerWithItsOwnResponse() throws Exception {
        RequestFlow flow = flow("<policies><on-error><return-response><set-status code=\"503\"/><set-body>later</set-body>"
                + "</return-response></on-error></policies>");
        flow.fail(new PolicyError("backend", 502, "x"));
        assertEquals(503, flow.context().response().status());
        assertEquals("later", body(flow.context().response()));
    }

    @Test
    void failOnErrorStatusCodeSendsBackendErrorsToOnError() throws Exception {
        RequestFlow flow = flow("<policies><backend><forward-request fail-on-error-status-code=\"true\"/></backend>"
                + "<on-error><set-header name=\"X-Error\"><value>1</value></set-header></on-error></policies>");
        flow.beforeBackend();
        flow.context().setResponse(new ResponseMessage(500, HttpFields.build()));
        assertTrue(flow.inspectsBackendResponse());
        flow.afterBackend();
        assertTrue(flow.backendBodyDiscarded());
        assertEquals(500, flow.context().response().status());
        assertEquals("1", flow.context().response().headers().get("X-Error"));
    }

    @Test
    void errorJsonEscapes() {
        assertEquals("{\"statusCode\":400,\"message\":\"a \\\"b\\\" \\\\ \\u000a\"}",
                new String(RequestFlow.errorJson(400, "a \"b\" \\ \n"), StandardCharsets.UTF_8));
    }
}
