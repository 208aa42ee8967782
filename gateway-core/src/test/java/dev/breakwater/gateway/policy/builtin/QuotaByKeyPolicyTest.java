package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** quota-by-key on a manual clock: windows on first-period-start's grid, 403 with Retry-After, lifetime quotas. */
class QuotaByKeyPolicyTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PolicyServices services = new PolicyServices(new MetricRegistry(), clock);

    private Pipeline pipeline(String element) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, in(Section.INBOUND, element),
                Set.of());
    }

    @Test
    void overTheQuotaIs403UntilTheNextPeriodOnTheGrid() throws Exception {
        // periods of an hour from midnight: the 10:00 window ends at 11:00
        Pipeline pipeline = pipeline("<quota-by-key calls=\"2\" renewal-period=\"3600\" counter-key=\"k\" "
                + "first-period-start=\"2026-01-01T00:00:00Z\"/>");
        clock.advance(Duration.ofMinutes(50));
        assertEquals(200, PolicyTesting.flow(pipeline, PolicyTesting.context()).response().status());
        assertEquals(200, PolicyTesting.flow(pipeline, PolicyTesting.context()).response().status());
        PolicyContext refused = PolicyTesting.flow(pipeline, PolicyTesting.context());
        assertEquals(403, refused.response().status());
        assertEquals("QuotaExceeded", refused.lastError().reason());
        assertEquals("600", refused.response().headers().first("Retry-After"));
        assertEquals("Out of call volume quota. Quota will be replenished in 00:10:00.", refused.lastError().message());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(200, PolicyTesting.flow(pipeline, PolicyTesting.context()).response().status());
    }

    @Test
    void aLifetimeQuotaNeverRenewsAndSaysNoRetryAfter() throws Exception {
        Pipeline pipeline = pipeline("<quota-by-key calls=\"1\" renewal-period=\"0\" counter-key=\"life\"/>");
        assertEquals(200, PolicyTesting.flow(pipeline, PolicyTesting.context()).response().status());
        clock.advance(Duration.ofDays(365));
        PolicyContext refused = PolicyTesting.flow(pipeline, PolicyTesting.context());
        assertEquals(403, refused.response().status());
        assertNull(refused.response().headers().first("Retry-After"));
        assertEquals("Out of call volume quota.", refused.lastError().message());
    }

    @Test
    void bandwidthIsCountedWhenTheExchangeEndsAndOnlyWhenTheConditionHolds() throws Exception {
        Pipeline pipeline = pipeline("<quota-by-key bandwidth=\"1\" renewal-period=\"300\" counter-key=\"bw\" "
                + "increment-condition=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Count&quot;, &quot;yes&quot;) "
                + "== &quot;yes&quot;)\"/>");
        PolicyContext first = PolicyTesting.flow(pipeline, PolicyTesting.context());
        assertEquals(200, first.response().status());
        // a call whose condition fails carries bytes that are not counted
        PolicyContext failed = PolicyTesting.flow(pipeline, PolicyTesting.context("/items", null,
                dev.breakwater.gateway.policy.runtime.TemplateValues.NONE, "X-Count", "no"));
        ExchangeEndHooks.run(failed, 4096, 4096);
        assertEquals(200, PolicyTesting.flow(pipeline, PolicyTesting.context()).response().status());
        ExchangeEndHooks.run(first, 1000, 24); // 1024 bytes: the kilobyte is used up
        PolicyContext refused = PolicyTesting.flow(pipeline, PolicyTesting.context());
        assertEquals(403, refused.response().status());
        assertEquals("QuotaExceeded", refused.lastError().reason());
        assertTrue(refused.lastError().message().startsWith("Out of bandwidth quota. Quota will be replenished in 00:"),
                refused.lastError().message());
    }

    @Test
    void refusedWhenCompiled() {
        assertTrue(error("<quota-by-key renewal-period=\"300\" counter-key=\"k\"/>").contains("'calls' or 'bandwidth'"));
        assertTrue(error("<quota-by-key bandwidth=\"0\" renewal-period=\"300\" counter-key=\"k\"/>")
                .contains("'bandwidth' must be a whole number from 1"));
        assertTrue(error("<quota-by-key calls=\"1\" renewal-period=\"60\" counter-key=\"k\"/>").contains("300"));
        assertTrue(error("<quota-by-key calls=\"@(1)\" renewal-period=\"300\" counter-key=\"k\"/>")
                .contains("does not take a policy expression"));
        assertTrue(error("<quota-by-key calls=\"1\" renewal-period=\"300\" counter-key=\"k\" first-period-start=\"x\"/>")
                .contains("first-period-start"));
    }

    private String error(String element) {
        return assertThrows(PolicyCompileException.class, () -> pipeline(element)).getMessage();
    }
}
