package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileEnvironment;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyError;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * send-request against services that fail: nobody listening, no answer in time, an answer larger than
 * the policy body limit. ignore-error false runs on-error with APIM's reason; true leaves null.
 */
class SendRequestFailuresTest {

    private static final int LIMIT = 1024;

    static TestBackend backend;
    /** Services with a small body limit, so that "too large" needs no large body. */
    static PolicyServices services;
    static String downUrl;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend(8);
        services = new PolicyServices(new MetricRegistry(), Clock.systemUTC(), LIMIT);
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            downUrl = "http://127.0.0.1:" + socket.getLocalPort() + "/down"; // nothing listens once it is closed
        }
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        backend.close();
    }

    @Test
    void aServiceNobodyListensOnRunsOnErrorWithBackendConnectionFailure() throws Exception {
        PolicyContext context = flow(call(downUrl, "false") + ONE_MORE);
        PolicyError error = context.lastError();
        assertEquals("send-request", error.source());
        assertEquals("BackendConnectionFailure", error.reason());
        assertEquals("inbound", error.section());
        assertEquals(500, context.response().status());
        assertEquals("send-request|BackendConnectionFailure", context.response().headers().first("X-Error"));
        assertNull(context.request().editedHeaders(), "nothing after the failed call ran");
        assertTrue(!error.message().contains("127.0.0.1"), "the message names no address: " + error.message());
    }

    @Test
    void withIgnoreErrorTheVariableIsNullAndThePipelineGoesOn() throws Exception {
        PolicyContext context = flow(call(downUrl, "true") + ONE_MORE);
        assertNull(context.lastError());
        assertTrue(context.variables().containsKey("r"));
        assertNull(context.variables().get("r"));
        assertEquals("null", context.request().headers().first("X-After"));
    }

    @Test
    void noAnswerWithinTheTimeoutIsAPIMsTimeout() throws Exception {
        try (TestBackend holding = new TestBackend(4)) {
            long started = System.nanoTime();
            PolicyContext context = flow("<send-request response-variable-name=\"r\" timeout=\"1\"><set-url>"
                    + holding.url() + "/hold</set-url></send-request>");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals("Timeout", context.lastError().reason());
            assertEquals("send-request", context.lastError().source());
            assertTrue(millis >= 900 && millis < 8000, "failed after the 1 s timeout: " + millis + " ms");
        }
    }

    @Test
    void aBodyLargerThanThePolicyBodyLimitFailsWhetherAnnouncedOrStreamed() throws Exception {
        // streamed without a length: cut once more than the limit arrived
        PolicyContext streamed = flow(call(backend.url() + "/bytes/" + (LIMIT + 1), "false"));
        assertEquals("ResponseTooLarge", streamed.lastError().reason());
        assertTrue(streamed.lastError().message().contains(LIMIT + " bytes"), streamed.lastError().message());
        // announced by Content-Length (the echo of a large header): refused on the head
        PolicyContext announced = flow("<send-request response-variable-name=\"r\"><set-url>" + backend.url()
                + "/echo</set-url><set-header name=\"X-Big\"><value>" + "b".repeat(LIMIT) + "</value></set-header></send-request>");
        assertEquals("ResponseTooLarge", announced.lastError().reason());
        // the answer to a HEAD announces a length without a body: not too large
        PolicyContext head = flow("<send-request response-variable-name=\"r\"><set-url>" + backend.url()
                + "/echo</set-url><set-method>HEAD</set-method><set-header name=\"X-Big\"><value>" + "b".repeat(LIMIT)
                + "</value></set-header></send-request>");
        assertNull(head.lastError());
        // at the limit exactly: fine
        PolicyContext fits = flow(call(backend.url() + "/bytes/" + LIMIT, "false"));
        assertNull(fits.lastError());
    }

    @Test
    void ignoreErrorCoversTimeoutAndSizeToo() throws Exception {
        PolicyContext context = flow(call(backend.url() + "/bytes/" + (LIMIT * 4), "true") + ONE_MORE);
        assertNull(context.lastError());
        assertEquals("null", context.request().headers().first("X-After"));
    }

    private static final String ONE_MORE = "<set-header name=\"X-After\"><value>@(context.Variables[\"r\"] == null ? \"null\" : \"set\")</value></set-header>";

    private static String call(String url, String ignoreError) {
        return "<send-request response-variable-name=\"r\" timeout=\"10\" ignore-error=\"" + ignoreError + "\"><set-url>"
                + url + "</set-url></send-request>";
    }

    /** Runs the inbound policies with an on-error that shows the last error in a response header. */
    private static PolicyContext flow(String inbound) throws Exception {
        CompileEnvironment environment = PolicyTesting.environment(services);
        String document = "<policies><inbound>" + inbound + "</inbound><on-error><set-header name=\"X-Error\"><value>"
                + "@(context.LastError.Source + \"|\" + context.LastError.Reason)</value></set-header></on-error></policies>";
        return PolicyTesting.flow(PolicyTesting.pipeline(environment, null, null, document, Set.of()),
                PolicyTesting.context());
    }
}
