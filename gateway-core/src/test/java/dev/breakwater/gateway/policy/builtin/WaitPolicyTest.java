package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.TestBackend;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** wait: its call-outs run at the same time, and it goes on when all, or the first, are done. */
class WaitPolicyTest {

    private static String call(String variable, String url) {
        return "<send-request mode=\"new\" response-variable-name=\"" + variable + "\"><set-url>" + url
                + "</set-url></send-request>";
    }

    @Test
    void forAllStartsEveryCallOutAtOnceAndGoesOnWhenAllAreIn() throws Exception {
        try (TestBackend slow = new TestBackend(); TestBackend quick = new TestBackend()) {
            Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<wait for=\"all\">"
                    + call("a", slow.url() + "/hold") + call("b", slow.url() + "/hold/two")
                    + "<choose><when condition=\"true\">" + call("c", quick.url() + "/echo") + "</when></choose>"
                    + "</wait>"), Set.of());
            PolicyContext context = PolicyTesting.context();
            Outcome outcome = Steps.run(pipeline.steps(Section.INBOUND), context);
            assertTrue(outcome.isPending());
            Await.until("both held call-outs reach the service before either is answered", Duration.ofSeconds(10),
                    () -> slow.held() == 2);
            Await.until("the quick one is in", Duration.ofSeconds(10), () -> context.variablesView().containsKey("c"));
            assertFalse(outcome.stage().toCompletableFuture().isDone(), "all: still waiting for the held two");
            slow.releaseHeld();
            assertEquals(Outcome.CONTINUE, PolicyTesting.settle(outcome));
            for (String variable : new String[] {"a", "b", "c"}) {
                assertNotNull(context.variables().get(variable), variable);
            }
        }
    }

    @Test
    void forAnyGoesOnWithTheFirst() throws Exception {
        try (TestBackend slow = new TestBackend(); TestBackend quick = new TestBackend()) {
            Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<wait for=\"any\">"
                    + call("held", slow.url() + "/hold") + call("quick", quick.url() + "/echo") + "</wait>"), Set.of());
            PolicyContext context = PolicyTesting.context();
            assertEquals(Outcome.CONTINUE, PolicyTesting.settle(Steps.run(pipeline.steps(Section.INBOUND), context)));
            assertNotNull(context.variables().get("quick"));
            assertFalse(context.variables().containsKey("held"), "the held one is still out");
            slow.releaseHeld();
        }
    }

    @Test
    void forAnyStartsEveryChildEvenWhenTheFirstIsDoneAtOnce() throws Exception {
        try (TestBackend slow = new TestBackend()) {
            Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<wait for=\"any\"><choose><when "
                    + "condition=\"true\"><set-variable name=\"first\" value=\"done\"/></when></choose>"
                    + call("held", slow.url() + "/hold") + "</wait>"), Set.of());
            PolicyContext context = PolicyTesting.context();
            assertEquals(Outcome.CONTINUE, Steps.run(pipeline.steps(Section.INBOUND), context));
            Await.until("the second child's call-out started too", Duration.ofSeconds(10), () -> slow.held() == 1);
            slow.releaseHeld();
        }
    }

    @Test
    void forAllAChildFailingAtOnceStillStartsTheOthersAndFailsWhenTheyAreDone() throws Exception {
        try (TestBackend slow = new TestBackend()) {
            Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, "<wait for=\"all\"><choose><when "
                    + "condition=\"@((bool)context.Variables[&quot;missing&quot;])\"/></choose>"
                    + call("held", slow.url() + "/hold") + "</wait>"), Set.of());
            PolicyContext context = PolicyTesting.context();
            Outcome outcome = Steps.run(pipeline.steps(Section.INBOUND), context);
            assertTrue(outcome.isPending(), "the failure waits for the call-out still out");
            Await.until("the second child's call-out started", Duration.ofSeconds(10), () -> slow.held() == 1);
            assertFalse(outcome.stage().toCompletableFuture().isDone());
            slow.releaseHeld();
            assertThrows(PolicyException.class, () -> PolicyTesting.settle(outcome));
            assertNotNull(context.variables().get("held"), "the call-out finished before the wait failed");
        }
    }

    @Test
    void mistakesAreRefused() {
        assertTrue(compileError(in(Section.INBOUND, "<wait for=\"some\"><choose><when condition=\"true\"/></choose></wait>"))
                .contains("attribute 'for' must be all or any, not 'some'"));
        assertTrue(compileError(in(Section.INBOUND, "<wait><set-header name=\"a\"><value>b</value></set-header></wait>"))
                .contains("<set-header> at line 1: cannot stand inside <wait>"));
        assertTrue(compileError(in(Section.INBOUND, "<retry condition=\"true\" count=\"1\" interval=\"0\"><wait>"
                + "<choose><when condition=\"true\"/></choose></wait></retry>")).contains("cannot stand inside <retry>"));
        assertTrue(compileError(in(Section.ON_ERROR, "<wait><choose><when condition=\"true\"/></choose></wait>"))
                .contains("not allowed in <on-error>"));
    }
}
