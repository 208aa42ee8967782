package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * rate-limit-by-key on a manual clock: calls pass up to the limit, one more gets 429 with Retry-After
 * through on-error, a new window lets calls in again, keys count apart, increment-condition decides
 * after the response, headers and variables say what is left.
 */
class RateLimitByKeyPolicyTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PolicyServices services = new PolicyServices(new MetricRegistry(), clock);

    private Pipeline pipeline(String policies) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, policies, Set.of());
    }

    private static PolicyContext call(Pipeline pipeline, String key) throws Exception {
        return PolicyTesting.flow(pipeline, PolicyTesting.context("/items", null, TemplateValues.NONE, "X-Key", key));
    }

    private static final String BY_HEADER = "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;, &quot;&quot;))\"";

    @Test
    void callsPassUpToTheLimitThenOneMoreGets429UntilTheWindowRenews() throws Exception {
        Pipeline pipeline = pipeline(in(Section.INBOUND, "<rate-limit-by-key calls=\"3\" renewal-period=\"60\" "
                + BY_HEADER + "/>"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, call(pipeline, "a").response().status());
        }
        clock.advance(Duration.ofSeconds(10));
        PolicyContext refused = call(pipeline, "a");
        assertEquals(429, refused.response().status());
        assertEquals("50", refused.response().headers().first("Retry-After"));
        assertEquals("rate-limit-by-key", refused.lastError().source());
        assertEquals("RateLimitExceeded", refused.lastError().reason());
        assertEquals("Rate limit is exceeded. Try again in 50 seconds.", refused.lastError().message());
        assertTrue(PolicyTesting.body(refused.response()).contains("Rate limit is exceeded. Try again in 50 seconds."));
        assertNull(refused.response().headers().first("X-Backend"), "the backend was not called");

        assertEquals(200, call(pipeline, "b").response().status(), "another key has its own count");

        clock.advance(Duration.ofSeconds(50));
        assertEquals(200, call(pipeline, "a").response().status(), "a new window");
    }

    @Test
    void onErrorSeesTheRefusalAndTheVariables() throws Exception {
        Pipeline pipeline = pipeline("<policies><inbound><rate-limit-by-key calls=\"1\" renewal-period=\"30\" "
                + BY_HEADER + " retry-after-header-name=\"X-Wait\" retry-after-variable-name=\"wait\" "
                + "remaining-calls-header-name=\"X-Left\" remaining-calls-variable-name=\"left\" "
                + "total-calls-header-name=\"X-Total\"/></inbound>"
                + "<on-error><set-header name=\"X-Error\"><value>@(context.LastError.Reason + \":\" "
                + "+ context.Variables.GetValueOrDefault&lt;int&gt;(\"wait\"))</value></set-header></on-error></policies>");
        PolicyContext first = call(pipeline, "a");
        assertEquals(200, first.response().status());
        assertEquals("0", first.response().headers().first("X-Left"));
        assertEquals("1", first.response().headers().first("X-Total"));
        assertEquals(0, first.variables().get("left"));

        clock.advance(Duration.ofSeconds(1));
        PolicyContext second = call(pipeline, "a");
        assertEquals(429, second.response().status());
        assertEquals("29", second.response().headers().first("X-Wait"));
        assertNull(second.response().headers().first("Retry-After"), "the header was renamed");
        assertEquals(29, second.variables().get("wait"));
        assertEquals("RateLimitExceeded:29", second.response().headers().first("X-Error"));
    }

    @Test
    void aFalseIncrementConditionDoesNotCount() throws Exception {
        StubBackend backend = new StubBackend();
        Pipeline pipeline = pipeline(in(Section.INBOUND, "<rate-limit-by-key calls=\"2\" renewal-period=\"60\" "
                + BY_HEADER + " increment-condition=\"@(context.Response.StatusCode &gt;= 500)\"/>"));
        for (int i = 0; i < 5; i++) {
            PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "X-Key", "a");
            context.setForwarder(backend);
            assertEquals(200, PolicyTesting.flow(pipeline, context).response().status(), "200s are not counted");
        }
        backend.status = 503;
        for (int i = 0; i < 2; i++) {
            PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "X-Key", "a");
            context.setForwarder(backend);
            assertEquals(503, PolicyTesting.flow(pipeline, context).response().status());
        }
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, "X-Key", "a");
        context.setForwarder(backend);
        assertEquals(429, PolicyTesting.flow(pipeline, context).response().status(), "two 503s were counted");
        assertEquals(7, backend.calls.size());
    }

    @Test
    void eachPolicyCountsOnItsOwnCounterWithItsIncrementCount() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(services),
                in(Section.INBOUND, "<rate-limit-by-key calls=\"4\" renewal-period=\"60\" counter-key=\"k\"/>"),
                in(Section.INBOUND, "<base/><rate-limit-by-key calls=\"4\" renewal-period=\"60\" counter-key=\"k\" "
                        + "increment-count=\"2\"/>"), null, Set.of());
        assertEquals(200, call(pipeline, "x").response().status());
        assertEquals(200, call(pipeline, "x").response().status(), "the API's counter is at 4, the global's at 2");
        PolicyContext third = call(pipeline, "x");
        assertEquals(429, third.response().status(), "the API's policy counts 2 a call: a third is over its 4");
        assertEquals("RateLimitExceeded", third.lastError().reason());
        assertEquals("api", third.lastError().scope(), "refused by the API's policy, not the global one");
    }

    @Test
    void aPolicyKeepsItsCountersAcrossRevisions() throws Exception {
        String api = in(Section.INBOUND, "<rate-limit-by-key calls=\"2\" renewal-period=\"60\" counter-key=\"k\"/>");
        Pipeline first = PolicyTesting.pipeline(PolicyTesting.environment(services), null, api, null, Set.of());
        assertEquals(200, call(first, "x").response().status());
        assertEquals(200, call(first, "x").response().status());
        Pipeline recompiled = PolicyTesting.pipeline(PolicyTesting.environment(services), null, api, null, Set.of());
        assertEquals(429, call(recompiled, "x").response().status(), "the same policy at the same place: one counter");
    }

    @Test
    void refusedWhenCompiled() {
        assertTrue(compileError("<rate-limit-by-key renewal-period=\"60\" counter-key=\"k\"/>").contains("'calls'"));
        assertTrue(compileError("<rate-limit-by-key calls=\"1\" renewal-period=\"301\" counter-key=\"k\"/>")
                .contains("renewal-period"));
        assertTrue(compileError("<rate-limit-by-key calls=\"1\" renewal-period=\"60\"/>").contains("counter-key"));
        assertTrue(compileError("<rate-limit-by-key calls=\"1\" renewal-period=\"60\" counter-key=\"k\" bogus=\"1\"/>")
                .contains("bogus"));
        assertTrue(compileError("<rate-limit-by-key calls=\"1\" renewal-period=\"60\" counter-key=\"k\" "
                + "retry-after-header-name=\"a b\"/>").contains("retry-after-header-name"));
    }

    private String compileError(String element) {
        return assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND, element))).getMessage();
    }
}
