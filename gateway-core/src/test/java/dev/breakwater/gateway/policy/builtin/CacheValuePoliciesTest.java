package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * cache-store-value, cache-lookup-value and cache-remove-value compiled from XML and run on one
 * gateway's services (a manual clock): hits across requests and documents, misses with and without a
 * default, removal, expiry, the values refused, and the attributes refused at compile time.
 */
class CacheValuePoliciesTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final PolicyServices services = new PolicyServices(new MetricRegistry(), clock);

    private Pipeline pipeline(String inbound) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, in(Section.INBOUND, inbound),
                Set.of());
    }

    private PolicyContext run(String inbound) throws Exception {
        return PolicyTesting.flow(pipeline(inbound), PolicyTesting.context());
    }

    private static final String LOOKUP = "<cache-lookup-value key=\"k\" variable-name=\"v\"/>";

    @Test
    void aStoredValueIsFoundByLaterRequestsAndOtherDocumentsWithItsType() throws Exception {
        run("<cache-store-value key=\"@(&quot;user-&quot; + 7)\" value=\"@(40 + 2)\" duration=\"60\"/>");
        PolicyContext hit = run("<cache-lookup-value key=\"user-7\" variable-name=\"v\" caching-type=\"internal\"/>");
        assertEquals(42, hit.variables().get("v"), "an int stays an int");
        PolicyContext text = run("<cache-store-value key=\"t\" value=\"plain text\" duration=\"60\""
                + " caching-type=\"prefer-external\"/><cache-lookup-value key=\"t\" variable-name=\"v\"/>");
        assertEquals("plain text", text.variables().get("v"));
    }

    @Test
    void aMissWithoutDefaultLeavesTheVariableAsItWas() throws Exception {
        PolicyContext unset = run(LOOKUP);
        assertFalse(unset.variables().containsKey("v"), "the variable is not set");
        PolicyContext kept = run("<set-variable name=\"v\" value=\"before\"/>" + LOOKUP);
        assertEquals("before", kept.variables().get("v"));
    }

    @Test
    void aMissWithDefaultSetsTheDefaultAndAHitIgnoresIt() throws Exception {
        String lookup = "<cache-lookup-value key=\"k\" variable-name=\"v\" default-value=\"@(-1)\"/>";
        assertEquals(-1, run(lookup).variables().get("v"));
        assertEquals("none", run("<cache-lookup-value key=\"k\" variable-name=\"v\" default-value=\"none\"/>")
                .variables().get("v"));
        run("<cache-store-value key=\"k\" value=\"cached\" duration=\"60\"/>");
        assertEquals("cached", run(lookup).variables().get("v"));
    }

    @Test
    void removeTakesTheValueAwayForEveryone() throws Exception {
        run("<cache-store-value key=\"k\" value=\"cached\" duration=\"60\"/>");
        run("<cache-remove-value key=\"k\" fail-on-cache-removal-error=\"true\"/>");
        assertFalse(run(LOOKUP).variables().containsKey("v"));
        run("<cache-remove-value key=\"never-stored\" caching-type=\"internal\"/>"); // no error
    }

    @Test
    void aValueExpiresAfterItsDurationOnTheGatewaysClock() throws Exception {
        run("<cache-store-value key=\"k\" value=\"cached\" duration=\"@(30)\"/>");
        clock.advance(Duration.ofSeconds(29));
        assertEquals("cached", run(LOOKUP).variables().get("v"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(run(LOOKUP).variables().containsKey("v"));
    }

    @Test
    void aDurationAnExpressionMakesZeroStoresNothingAndTheRequestGoesOn() throws Exception {
        PolicyContext context = run("<cache-store-value key=\"k\" value=\"v\" duration=\"@(0)\"/>" + LOOKUP);
        assertFalse(context.variables().containsKey("v"));
        assertEquals(200, context.response().status());
    }

    @Test
    void valuesOfTypesTheCacheDoesNotHoldFailThePolicy() throws Exception {
        for (String value : new String[] {"@(context.Request)", "@((string)null)"}) {
            PolicyContext context = run("<cache-store-value key=\"k\" value=\"" + value.replace("\"", "&quot;")
                    + "\" duration=\"60\"/>");
            assertEquals(500, context.response().status(), value);
            assertEquals("cache-store-value", context.lastError().source());
            assertEquals("InvalidCacheValue", context.lastError().reason());
        }
        assertFalse(run(LOOKUP).variables().containsKey("v"), "nothing was stored");
    }

    @Test
    void aDefaultValueOfATypeVariablesCannotHoldFailsTheLookup() throws Exception {
        PolicyContext context = run("<cache-lookup-value key=\"k\" variable-name=\"v\""
                + " default-value=\"@(context.Request)\"/>");
        assertEquals(500, context.response().status());
        assertEquals("cache-lookup-value", context.lastError().source());
    }

    @Test
    void externalCachingIsRefusedUntilThereIsAnExternalCache() {
        for (String policy : new String[] {
                "<cache-store-value key=\"k\" value=\"v\" duration=\"1\" caching-type=\"external\"/>",
                "<cache-lookup-value key=\"k\" variable-name=\"v\" caching-type=\"external\"/>",
                "<cache-remove-value key=\"k\" caching-type=\"external\"/>"}) {
            String error = compileError(in(Section.INBOUND, policy));
            assertTrue(error.contains("'external' is not supported yet"), error);
        }
    }

    @Test
    void badAttributesAreRefusedAtCompileTime() {
        assertRefused("<cache-lookup-value key=\"k\" variable-name=\"v\" caching-type=\"memory\"/>",
                "must be internal, external or prefer-external");
        assertRefused("<cache-lookup-value key=\"k\" variable-name=\"v\" caching-type=\"@(&quot;internal&quot;)\"/>",
                "does not take a policy expression");
        assertRefused("<cache-lookup-value key=\"k\"/>", "'variable-name' is required");
        assertRefused("<cache-lookup-value variable-name=\"v\"/>", "'key' is required");
        assertRefused("<cache-lookup-value key=\"k\" variable-name=\"v\" vary-by=\"x\"/>", "vary-by");
        assertRefused("<cache-store-value key=\"k\" value=\"v\"/>", "'duration' is required");
        assertRefused("<cache-store-value key=\"k\" duration=\"5\"/>", "'value' is required");
        assertRefused("<cache-store-value key=\"k\" value=\"v\" duration=\"0\"/>", "'duration' must be a whole number");
        assertRefused("<cache-store-value key=\"k\" value=\"v\" duration=\"soon\"/>", "'duration' must be");
        assertRefused("<cache-remove-value/>", "'key' is required");
        assertRefused("<cache-remove-value key=\"k\" fail-on-cache-removal-error=\"maybe\"/>", "true or false");
    }

    private static void assertRefused(String policy, String expected) {
        String error = compileError(in(Section.INBOUND, policy));
        assertTrue(error.contains(expected), error);
    }

    @Test
    void theCacheOutlivesARecompiledDocument() throws Exception {
        PolicyTesting.flow(pipeline("<cache-store-value key=\"k\" value=\"from revision 1\" duration=\"60\"/>"),
                PolicyTesting.context());
        assertEquals("from revision 1", run(LOOKUP).variables().get("v"));
        assertNull(PolicyTesting.flow(PolicyTesting.pipeline(in(Section.INBOUND, LOOKUP), Set.of()),
                PolicyTesting.context()).variables().get("v"), "another gateway's services have their own cache");
    }
}
