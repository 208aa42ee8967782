package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.GateFactory;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyLimits;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.RequestFlow;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * limit-concurrency around a child that waits until the test opens it: the limit holds while the
 * children wait, one more request gets 429 through on-error, and the slot is given back exactly once
 * however the children end (they go on, fail, fail while waiting, answer with return-response).
 */
class LimitConcurrencyPolicyTest {

    private final GateFactory gates = new GateFactory();
    private final PolicyServices services = PolicyServices.forCompiling();
    private final ConcurrencyLimits limits = services.concurrencyLimits();

    @AfterEach
    void noSlotIsLeft() {
        gates.openAll();
        assertEquals(0, limits.liveKeys(), "every slot was given back and its key removed");
    }

    private Pipeline pipeline(String policies) throws Exception {
        return PolicyTesting.pipeline(gates.environment(services), null, null, policies, Set.of());
    }

    private static Outcome start(Pipeline pipeline, PolicyContext context) {
        return new RequestFlow(pipeline, context).run();
    }

    private static PolicyContext request(String... headers) {
        return PolicyTesting.context("/items", null, TemplateValues.NONE, headers);
    }

    @Test
    void theLimitHoldsWhileChildrenWaitAndOneMoreGets429() throws Exception {
        Pipeline pipeline = pipeline(in(Section.INBOUND, "<limit-concurrency key=\"k\" max-count=\"2\"><test-gate/>"
                + "<set-header name=\"X-Inside\"><value>yes</value></set-header></limit-concurrency>"));
        PolicyContext first = request();
        PolicyContext second = request();
        Outcome firstOutcome = start(pipeline, first);
        Outcome secondOutcome = start(pipeline, second);
        assertTrue(firstOutcome.isPending() && secondOutcome.isPending());
        assertEquals(2, limits.inUse("k"));

        PolicyContext third = PolicyTesting.flow(pipeline, request());
        assertEquals(429, third.response().status());
        assertEquals("limit-concurrency", third.lastError().source());
        assertEquals("ConcurrencyLimitExceeded", third.lastError().reason());
        assertEquals("inbound", third.lastError().section());
        assertNull(third.request().headers().first("X-Inside"), "its children did not run");
        assertEquals(2, gates.waiting(), "the third never reached the gate");

        gates.openOne();
        PolicyTesting.settle(firstOutcome);
        assertEquals("yes", first.request().headers().first("X-Inside"));
        assertEquals(200, first.response().status());
        assertEquals(1, limits.inUse("k"), "the first gave its slot back when its children were done");

        PolicyContext fourth = request();
        Outcome fourthOutcome = start(pipeline, fourth);
        assertTrue(fourthOutcome.isPending(), "a new request gets the free slot");
        gates.openAll();
        PolicyTesting.settle(secondOutcome);
        PolicyTesting.settle(fourthOutcome);
        assertEquals(200, fourth.response().status());
    }

    @Test
    void theSlotIsGivenBackWhenChildrenFailAnswerOrFailWhileWaiting() throws Exception {
        String body = "<limit-concurrency key=\"k\" max-count=\"1\">%s</limit-concurrency>";
        Pipeline failing = pipeline(in(Section.INBOUND, body.formatted("<set-header name=\"X\"><value>"
                + "@(((string)null).Length.ToString())</value></set-header>")));
        PolicyContext failed = PolicyTesting.flow(failing, request());
        assertEquals("ExpressionValueEvaluationFailure", failed.lastError().reason());
        assertEquals(0, limits.inUse("k"));

        Pipeline answering = pipeline(in(Section.INBOUND, body.formatted("<return-response><set-status code=\"202\"/>"
                + "</return-response>")));
        assertEquals(202, PolicyTesting.flow(answering, request()).response().status());
        assertEquals(0, limits.inUse("k"));

        Pipeline waiting = pipeline(in(Section.INBOUND, body.formatted("<test-gate/>")));
        PolicyContext context = request();
        Outcome outcome = start(waiting, context);
        assertEquals(1, limits.inUse("k"));
        gates.failOne(new PolicyException("send-request", "Timeout", 504, "timed out"));
        PolicyTesting.settle(outcome);
        assertEquals(504, context.response().status());
        assertEquals(0, limits.inUse("k"), "a child that fails while waiting gives the slot back");
        Pipeline plain = pipeline(in(Section.INBOUND, body.formatted("<set-header name=\"X\"><value>1</value>"
                + "</set-header>")));
        assertEquals(200, PolicyTesting.flow(plain, request()).response().status(), "and the next request gets in");
    }

    @Test
    void keysComeFromTheRequestAndAreCountedApart() throws Exception {
        Pipeline pipeline = pipeline(in(Section.INBOUND, "<limit-concurrency "
                + "key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, &quot;none&quot;))\" "
                + "max-count=\"1\"><test-gate/></limit-concurrency>"));
        List<Outcome> waiting = new ArrayList<>();
        waiting.add(start(pipeline, request("X-Tenant", "a")));
        waiting.add(start(pipeline, request("X-Tenant", "b")));
        assertEquals(2, limits.liveKeys());
        assertEquals(429, PolicyTesting.flow(pipeline, request("X-Tenant", "a")).response().status());
        gates.openAll();
        for (Outcome outcome : waiting) {
            PolicyTesting.settle(outcome);
        }
        assertEquals(0, limits.liveKeys(), "a key whose count drops to zero is removed");
    }

    @Test
    void policiesAndRevisionsWithTheSameKeyShareItsCount() throws Exception {
        String policy = "<limit-concurrency key=\"shared\" max-count=\"1\"><test-gate/></limit-concurrency>";
        Pipeline revision1 = pipeline(in(Section.INBOUND, policy));
        Pipeline revision2 = pipeline(in(Section.OUTBOUND, policy.replace("<test-gate/>", "")));
        Outcome holding = start(revision1, request());
        assertEquals(429, PolicyTesting.flow(revision2, request()).response().status(),
                "another policy, compiled again with the same services, sees the slot taken");
        gates.openAll();
        PolicyTesting.settle(holding);
        assertEquals(200, PolicyTesting.flow(revision2, request()).response().status());
    }

    @Test
    void itWrapsForwardRequestAndHoldsTheSlotUntilTheBackendAnswers() throws Exception {
        Pipeline pipeline = pipeline("<policies><backend><limit-concurrency key=\"b\" max-count=\"1\">"
                + "<forward-request timeout=\"20\"/></limit-concurrency></backend></policies>");
        assertTrue(pipeline.forwards(), "a forward-request inside counts as forwarding");
        StubBackend backend = new StubBackend();
        PolicyContext context = request();
        context.setForwarder(backend);
        PolicyTesting.flow(pipeline, context);
        assertEquals(1, backend.calls.size());
        assertEquals(200, context.response().status());
    }

    @Test
    void isCheckedWhenCompiled() {
        assertTrue(compileError(in(Section.INBOUND, "<limit-concurrency max-count=\"1\"/>"))
                .contains("attribute 'key' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<limit-concurrency key=\"k\"/>"))
                .contains("attribute 'max-count' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<limit-concurrency key=\"k\" max-count=\"0\"/>"))
                .contains("must be a whole number from 1"));
        assertTrue(compileError(in(Section.INBOUND, "<limit-concurrency key=\"k\" max-count=\"@(2)\"/>"))
                .contains("does not take a policy expression"));
        assertTrue(compileError(in(Section.INBOUND, "<limit-concurrency key=\"k\" max-count=\"1\" "
                + "max-queue-length=\"10\" timeout=\"5\"/>")).contains("attribute 'timeout' is not supported yet"));
        assertTrue(compileError(in(Section.INBOUND, "<limit-concurrency key=\"k\" max-count=\"1\">"
                + "<forward-request/></limit-concurrency>")).contains("not allowed in <inbound>"),
                "children follow the section's rules");
    }
}
