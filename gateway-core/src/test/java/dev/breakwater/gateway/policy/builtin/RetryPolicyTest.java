package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** retry: how often it runs its policies, when it waits, and what it does with failures. */
class RetryPolicyTest {

    private static final String COUNT_UP = "<set-variable name=\"n\" value=\"@(context.Variables.GetValueOrDefault<int>(\"n\", 0) + 1)\"/>";

    private static PolicyContext run(String section, Section where) throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(PolicyTesting.pipeline(in(where, section), Set.of()), where, context);
        return context;
    }

    @Test
    void retriesWhileTheConditionHolds() throws Exception {
        PolicyContext context = run("<retry condition=\"@(context.Variables.GetValueOrDefault&lt;int&gt;(&quot;n&quot;, 0) &lt; 3)\" "
                + "count=\"10\" interval=\"0\">" + COUNT_UP + "</retry>", Section.INBOUND);
        assertEquals(3, context.variables().get("n"), "ran once and retried until n reached 3");
    }

    @Test
    void stopsWhenTheRetriesAreUsedUp() throws Exception {
        PolicyContext context = run("<retry condition=\"true\" count=\"2\" interval=\"0\">" + COUNT_UP + "</retry>",
                Section.INBOUND);
        assertEquals(3, context.variables().get("n"), "the first run and two retries");
    }

    @Test
    void waitsBetweenAttemptsWithoutAThread() throws Exception {
        PolicyContext context = PolicyTesting.context();
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<retry condition=\"@(context.Variables."
                + "GetValueOrDefault<int>(\"n\", 0) < 2)\" count=\"3\" interval=\"1\">" + COUNT_UP + "</retry>"), Set.of());
        long started = System.nanoTime();
        Outcome outcome = dev.breakwater.gateway.policy.runtime.Steps.run(pipeline.steps(Section.INBOUND), context);
        assertTrue(outcome.isPending(), "the wait before the retry is a pending outcome, not a sleep");
        assertEquals(Outcome.CONTINUE, PolicyTesting.settle(outcome));
        assertEquals(2, context.variables().get("n"));
        assertTrue(System.nanoTime() - started >= 900_000_000L, "waited about the 1 s interval");
    }

    @Test
    void retriesAForwardRequestAndBuffersTheBodyToResendIt() throws Exception {
        PolicyContext context = PolicyTesting.context();
        StubBackend backend = new StubBackend();
        backend.status = 503;
        context.setForwarder(backend);
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.BACKEND, "<retry condition=\"@(context.Response.StatusCode "
                + "== 503)\" count=\"2\" interval=\"0\"><forward-request/></retry>"), Set.of());
        assertTrue(pipeline.readsRequestBody(), "a resend needs the body buffered");
        PolicyTesting.run(pipeline, Section.BACKEND, context);
        assertEquals(3, backend.calls.size(), backend.calls.toString());
    }

    @Test
    void aFailureIsRetriedWhenTheConditionHoldsWithItInViewElseItStands() throws Exception {
        String failing = "<set-variable name=\"boom\" value=\"@(1 / (context.Variables.GetValueOrDefault<int>(\"n\", 0) - 1))\"/>";
        PolicyContext context = run("<retry condition=\"@(context.Response == null &amp;&amp; context.LastError != null)\" "
                + "count=\"3\" interval=\"0\">" + COUNT_UP + failing + "</retry>", Section.INBOUND);
        assertEquals(2, context.variables().get("n"), "n=1 divided by zero, retried; n=2 passed");
        PolicyException error = assertThrows(PolicyException.class, () -> run("<retry condition=\"false\" count=\"3\" "
                + "interval=\"0\">" + COUNT_UP + failing + "</retry>", Section.INBOUND));
        assertEquals("ExpressionValueEvaluationFailure", error.error().reason());
    }

    @Test
    void theWaitsFollowApimsFormulas() {
        assertEquals(2000L, RetryPolicy.waitMillis(0, 2, null, null, false, 1));
        assertEquals(2000L, RetryPolicy.waitMillis(5, 2, null, null, false, 1), "fixed");
        assertEquals(2000L, RetryPolicy.waitMillis(0, 2, 1, null, false, 1));
        assertEquals(4000L, RetryPolicy.waitMillis(2, 2, 1, null, false, 1), "linear: interval + n·delta");
        assertEquals(0L, RetryPolicy.waitMillis(0, 2, 1, null, true, 1), "first-fast-retry");
        assertEquals(3000L, RetryPolicy.waitMillis(1, 2, 1, null, true, 1), "only the first is fast");
        // APIM's example: interval and delta 10 s, max-interval 100 s: about 10, 20, 40, 80, then 100
        assertEquals(10_000L, RetryPolicy.waitMillis(0, 10, 10, 100, false, 1));
        assertEquals(20_000L, RetryPolicy.waitMillis(1, 10, 10, 100, false, 1));
        assertEquals(40_000L, RetryPolicy.waitMillis(2, 10, 10, 100, false, 1));
        assertEquals(80_000L, RetryPolicy.waitMillis(3, 10, 10, 100, false, 1));
        assertEquals(100_000L, RetryPolicy.waitMillis(4, 10, 10, 100, false, 1), "capped at max-interval");
        assertEquals(66_000L, RetryPolicy.waitMillis(3, 10, 10, 100, false, 0.8), "the random spread, low end");
        assertEquals(RetryPolicy.MAX_SECONDS * 1000L, RetryPolicy.waitMillis(40, 3600, 3600, null, false, 1),
                "never beyond an hour");
    }

    @Test
    void mistakesAreRefused() {
        assertTrue(compileError(in(Section.INBOUND, "<retry count=\"2\" interval=\"0\"/>"))
                .contains("attribute 'condition' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<retry condition=\"true\" count=\"51\" interval=\"0\"/>"))
                .contains("from 1 to 50"));
        assertTrue(compileError(in(Section.INBOUND, "<retry condition=\"true\" count=\"1\"/>"))
                .contains("attribute 'interval' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<retry condition=\"true\" count=\"1\" interval=\"0\" backoff=\"x\"/>"))
                .contains("unknown attribute 'backoff'"));
    }
}
