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
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.subscription.Caller;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** rate-limit on a manual clock: per subscription, per API and operation child, anonymous calls, scopes. */
class RateLimitPolicyTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PolicyServices services = new PolicyServices(new MetricRegistry(), clock);

    private Pipeline api(String element) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, in(Section.INBOUND, element), null,
                Set.of());
    }

    private static PolicyContext call(Pipeline pipeline, Caller caller) throws Exception {
        PolicyContext context = PolicyTesting.context();
        context.setCaller(caller);
        return PolicyTesting.flow(pipeline, context);
    }

    @Test
    void eachSubscriptionHasItsOwnCountAndTheWindowRenews() throws Exception {
        Pipeline pipeline = api("<rate-limit calls=\"2\" renewal-period=\"30\" remaining-calls-header-name=\"X-Left\" "
                + "total-calls-header-name=\"X-Total\" retry-after-variable-name=\"wait\"/>");
        assertEquals("1", call(pipeline, Callers.of("s1")).response().headers().first("X-Left"));
        clock.advance(Duration.ofSeconds(10));
        PolicyContext second = call(pipeline, Callers.of("s1"));
        assertEquals("0", second.response().headers().first("X-Left"));
        assertEquals("2", second.response().headers().first("X-Total"));

        PolicyContext refused = call(pipeline, Callers.of("s1"));
        assertEquals(429, refused.response().status());
        assertEquals("rate-limit", refused.lastError().source());
        assertEquals("RateLimitExceeded", refused.lastError().reason());
        assertEquals("20", refused.response().headers().first("Retry-After"));
        assertEquals(20, refused.variables().get("wait"));
        assertEquals("Rate limit is exceeded. Try again in 20 seconds.", refused.lastError().message());

        assertEquals(200, call(pipeline, Callers.of("s2")).response().status(), "another subscription counts apart");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(200, call(pipeline, Callers.of("s1")).response().status(), "a new window");
    }

    @Test
    void callsWithoutASubscriptionShareOneCounter() throws Exception {
        Pipeline pipeline = api("<rate-limit calls=\"1\" renewal-period=\"60\"/>");
        assertEquals(200, call(pipeline, Caller.NONE).response().status());
        assertEquals(429, call(pipeline, Caller.anonymous(Callers.STARTER)).response().status());
        assertEquals(200, call(pipeline, Callers.of("anonymous")).response().status(),
                "a subscription named anonymous is not the anonymous counter");
    }

    @Test
    void apiAndOperationChildrenCountApartAndARefusedCallIsGivenBack() throws Exception {
        Pipeline pipeline = api("<rate-limit calls=\"3\" renewal-period=\"60\" remaining-calls-header-name=\"X-Left\">"
                + "<api name=\"Echo API\" calls=\"2\" renewal-period=\"60\">"
                + "<operation id=\"get-item\" calls=\"1\" renewal-period=\"60\"/></api>"
                + "<api id=\"other\" calls=\"1\" renewal-period=\"60\"/></rate-limit>");
        PolicyContext first = call(pipeline, Callers.of("s1"));
        assertEquals(200, first.response().status());
        assertEquals("0", first.response().headers().first("X-Left"), "the operation's limit is the tightest");
        PolicyContext second = call(pipeline, Callers.of("s1"));
        assertEquals(429, second.response().status(), "the operation allows one call");

        // the refused call was not counted by the policy's and the API's levels: an operation-free
        // policy at the same place sees one call, not two (same counters: same place, same periods)
        Pipeline topOnly = api("<rate-limit calls=\"3\" renewal-period=\"60\" remaining-calls-header-name=\"X-Left\"/>");
        assertEquals("1", call(topOnly, Callers.of("s1")).response().headers().first("X-Left"));
    }

    @Test
    void anApiChildThatNamesAnotherApiDoesNotApply() throws Exception {
        Pipeline pipeline = api("<rate-limit calls=\"5\" renewal-period=\"60\"><api id=\"other\" calls=\"1\" "
                + "renewal-period=\"60\"/></rate-limit>");
        assertEquals(200, call(pipeline, Callers.of("s1")).response().status());
        assertEquals(200, call(pipeline, Callers.of("s1")).response().status());
    }

    @Test
    void countersOutliveARecompile() throws Exception {
        String element = "<rate-limit calls=\"1\" renewal-period=\"60\"/>";
        assertEquals(200, call(api(element), Callers.of("s1")).response().status());
        assertEquals(429, call(api(element), Callers.of("s1")).response().status(), "same place, same services");
    }

    @Test
    void refusedWhereAndHowApimRefusesIt() {
        assertTrue(assertThrows(PolicyCompileException.class, () -> PolicyTesting.pipeline(
                PolicyTesting.environment(services), in(Section.INBOUND, "<rate-limit calls=\"1\" renewal-period=\"1\"/>"),
                null, null, Set.of())).getMessage().contains("not in the global policy"));
        assertTrue(error("<rate-limit calls=\"1\" renewal-period=\"301\"/>").contains("at most 300"));
        assertTrue(error("<rate-limit calls=\"@(1)\" renewal-period=\"60\"/>").contains("does not take a policy expression"));
        assertTrue(error("<rate-limit renewal-period=\"60\"/>").contains("'calls' is required"));
        assertTrue(error("<rate-limit calls=\"1\" renewal-period=\"60\" counter-key=\"x\"/>").contains("counter-key"));
        assertTrue(error("<rate-limit calls=\"1\" renewal-period=\"60\"><api calls=\"1\" renewal-period=\"60\"/>"
                + "</rate-limit>").contains("'id' or 'name' is required"));
        assertTrue(error("<rate-limit calls=\"1\" renewal-period=\"60\"><operation id=\"o\" calls=\"1\" "
                + "renewal-period=\"60\"/></rate-limit>").contains("not allowed inside <rate-limit>"));
        assertTrue(error("<rate-limit calls=\"1\" renewal-period=\"60\"><api id=\"a\" calls=\"1\"/></rate-limit>")
                .contains("'renewal-period' is required"));
        assertTrue(error("<rate-limit calls=\"1\" renewal-period=\"60\"><api id=\"a\" bandwidth=\"1\" calls=\"1\" "
                + "renewal-period=\"60\"/></rate-limit>").contains("bandwidth"));
    }

    @Test
    void withoutHeaderNamesOnlyRetryAfterIsTold() throws Exception {
        Pipeline pipeline = api("<rate-limit calls=\"1\" renewal-period=\"60\" retry-after-header-name=\"X-Wait\"/>");
        call(pipeline, Callers.of("s1"));
        PolicyContext refused = call(pipeline, Callers.of("s1"));
        assertEquals("60", refused.response().headers().first("X-Wait"));
        assertNull(refused.response().headers().first("Retry-After"));
    }

    private String error(String element) {
        return assertThrows(PolicyCompileException.class, () -> api(element)).getMessage();
    }
}
