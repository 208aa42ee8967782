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
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** send-one-way-request: the step goes on at once; the call completes on its own; its failures touch nothing. */
class SendOneWayRequestPolicyTest {

    @Test
    void theStepContinuesAtOnceWhileTheCallIsStillUnderWay() throws Exception {
        try (TestBackend target = new TestBackend(4)) {
            var pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<send-one-way-request mode=\"new\" timeout=\"20\">"
                    + "<set-url>" + target.url() + "/hold/notify</set-url><set-method>POST</set-method>"
                    + "<set-header name=\"X-Event\"><value>@(context.Request.Method)</value></set-header>"
                    + "<set-body>ping</set-body><authentication-basic username=\"u\" password=\"p\"/></send-one-way-request>"
                    + "<set-header name=\"X-After\"><value>ran</value></set-header>"), Set.of());
            PolicyContext context = PolicyTesting.context();
            assertEquals(Outcome.CONTINUE, Steps.run(pipeline.steps(Section.INBOUND), context), "no waiting");
            assertEquals("ran", context.request().headers().first("X-After"));
            Await.until("the call reached its target", Duration.ofSeconds(10), () -> target.held() == 1);
            assertTrue(target.echoes().isEmpty(), "the target still holds its answer");
            target.releaseHeld();
            Await.until("the target answered", Duration.ofSeconds(10), () -> target.echoes().size() == 1);
            Echo seen = Echo.parse(target.echoes().get(0));
            assertEquals("POST", seen.method());
            assertEquals("GET", seen.firstHeader("X-Event"));
            assertEquals("Basic dTpw", seen.firstHeader("Authorization"));
            assertEquals(4, seen.bodyLength());
        }
    }

    @Test
    void aFailedCallNeverAffectsTheRequest() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline(in(Section.INBOUND,
                "<send-one-way-request><set-url>http://127.0.0.1:" + port + "/hook?token=abc</set-url></send-one-way-request>"
                        + "<set-header name=\"X-After\"><value>ran</value></set-header>"), Set.of()), PolicyTesting.context());
        assertNull(context.lastError());
        assertEquals("ran", context.request().headers().first("X-After"));
        assertEquals(200, context.response().status());
    }

    @Test
    void checksItsAttributesAndChildren() {
        assertTrue(compileError(in(Section.INBOUND, "<send-one-way-request response-variable-name=\"r\"><set-url>http://x</set-url></send-one-way-request>"))
                .contains("unknown attribute 'response-variable-name'"));
        assertTrue(compileError(in(Section.INBOUND, "<send-one-way-request ignore-error=\"true\"><set-url>http://x</set-url></send-one-way-request>"))
                .contains("unknown attribute 'ignore-error'"));
        assertTrue(compileError(in(Section.INBOUND, "<send-one-way-request/>")).contains("<set-url> is required unless mode is copy"));
        assertTrue(compileError(in(Section.INBOUND, "<send-one-way-request><set-url>http://x</set-url><proxy url=\"http://p\"/></send-one-way-request>"))
                .contains("element <proxy> is not supported yet inside <send-one-way-request>"));
        assertTrue(compileError(in(Section.INBOUND, "<send-one-way-request timeout=\"0\"><set-url>http://x</set-url></send-one-way-request>"))
                .contains("from 1 to 3600"));
    }
}
