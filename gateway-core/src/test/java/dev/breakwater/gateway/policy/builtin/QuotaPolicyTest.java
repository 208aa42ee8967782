package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.ExchangeEndHooks;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.subscription.Caller;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** quota in a product policy on a manual clock: calls and bandwidth per subscription, windows from its start. */
class QuotaPolicyTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PolicyServices services = new PolicyServices(new MetricRegistry(), clock);

    private Pipeline product(String element) throws Exception {
        return PolicyTesting.productPipeline(PolicyTesting.environment(services), in(Section.INBOUND, element), null,
                null);
    }

    /** One call through the flow, then the end of its exchange with these body bytes. */
    private static PolicyContext call(Pipeline pipeline, Caller caller, long bytesIn, long bytesOut) throws Exception {
        PolicyContext context = PolicyTesting.context();
        context.setCaller(caller);
        PolicyTesting.flow(pipeline, context);
        ExchangeEndHooks.run(context, bytesIn, bytesOut);
        return context;
    }

    @Test
    void callsRenewOnTheGridOfTheSubscriptionsStart() throws Exception {
        // started at 09:45: hourly windows 09:45-10:45, 10:45-11:45
        Caller caller = Callers.of("s1", Instant.parse("2026-12-01T09:45:00Z"));
        Pipeline pipeline = product("<quota calls=\"1\" renewal-period=\"3600\"/>");
        assertEquals(200, call(pipeline, caller, 0, 0).response().status());
        PolicyContext refused = call(pipeline, caller, 0, 0);
        assertEquals(403, refused.response().status());
        assertEquals("quota", refused.lastError().source());
        assertEquals("QuotaExceeded", refused.lastError().reason());
        assertEquals("2700", refused.response().headers().first("Retry-After"));
        assertEquals("Out of call volume quota. Quota will be replenished in 00:45:00.", refused.lastError().message());
        assertEquals(200, call(pipeline, Callers.of("s2"), 0, 0).response().status(), "its own quota");
        clock.advance(Duration.ofMinutes(45));
        assertEquals(200, call(pipeline, caller, 0, 0).response().status());
    }

    @Test
    void bandwidthCountsTheBodiesWhenTheExchangeEnds() throws Exception {
        Caller caller = Callers.of("s1");
        Pipeline pipeline = product("<quota bandwidth=\"2\" renewal-period=\"0\"/>");
        // 2 KB = 2048 bytes: the first call carries 1500, the second is let in (below) and carries 1000
        assertEquals(200, call(pipeline, caller, 500, 1000).response().status());
        assertEquals(200, call(pipeline, caller, 0, 1000).response().status());
        PolicyContext refused = call(pipeline, caller, 0, 0);
        assertEquals(403, refused.response().status());
        assertEquals("Out of bandwidth quota.", refused.lastError().message(), "a lifetime quota never renews");
        assertEquals(200, call(pipeline, Callers.of("s2"), 0, 0).response().status());
    }

    @Test
    void anApiOfTheProductHasItsOwnQuotaBesideTheProducts() throws Exception {
        Pipeline pipeline = product("<quota calls=\"10\" renewal-period=\"600\"><api id=\"echo\" calls=\"5\" "
                + "renewal-period=\"600\"><operation name=\"Get item\" bandwidth=\"1\" renewal-period=\"600\"/></api>"
                + "</quota>");
        Caller caller = Callers.of("s1");
        assertEquals(200, call(pipeline, caller, 0, 1024).response().status());
        PolicyContext refused = call(pipeline, caller, 0, 0);
        assertEquals(403, refused.response().status());
        assertTrue(refused.lastError().message().startsWith("Out of bandwidth quota."), refused.lastError().message());
    }

    @Test
    void refusedOutsideAProductPolicy() {
        String element = in(Section.INBOUND, "<quota calls=\"1\" renewal-period=\"60\"/>");
        assertTrue(assertThrows(PolicyCompileException.class, () -> PolicyTesting.pipeline(
                PolicyTesting.environment(services), null, element, null, Set.of())).getMessage()
                .contains("allowed in product policies only"));
        assertTrue(assertThrows(PolicyCompileException.class, () -> PolicyTesting.pipeline(
                PolicyTesting.environment(services), null, null, element, Set.of())).getMessage()
                .contains("not in the operation policy"));
    }

    @Test
    void refusedWhenCompiled() {
        assertTrue(error("<quota renewal-period=\"60\"/>").contains("'calls' or 'bandwidth'"));
        assertTrue(error("<quota calls=\"1\"/>").contains("'renewal-period' is required"));
        assertTrue(error("<quota calls=\"1\" renewal-period=\"@(60)\"/>").contains("does not take a policy expression"));
        assertTrue(error("<quota calls=\"1\" renewal-period=\"60\" counter-key=\"k\"/>").contains("counter-key"));
        assertTrue(error("<quota calls=\"1\" renewal-period=\"60\"><api name=\"x\" renewal-period=\"60\"/></quota>")
                .contains("'calls' or 'bandwidth'"));
    }

    private String error(String element) {
        return assertThrows(PolicyCompileException.class, () -> product(element)).getMessage();
    }
}
