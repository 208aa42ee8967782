package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.body;
import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * check-header on the whole flow with a stub backend: what passes reaches the backend; what fails
 * gets the policy's status and message, runs on-error with APIM's reason and message, and never
 * reaches the backend.
 */
class CheckHeaderPolicyTest {

    private static final String KEY_CHECK = "<check-header name=\"X-Key\" failed-check-httpcode=\"401\" "
            + "failed-check-error-message=\"Not authorized\" ignore-case=\"%s\">%s</check-header>";

    private final StubBackend backend = new StubBackend();

    private PolicyContext flow(String policies, String... headers) throws Exception {
        return flow(PolicyTesting.pipeline(policies, Set.of()), headers);
    }

    private PolicyContext flow(Pipeline pipeline, String... headers) throws Exception {
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE, headers);
        context.setForwarder(backend);
        return PolicyTesting.flow(pipeline, context);
    }

    private static String check(boolean ignoreCase, String... values) {
        StringBuilder children = new StringBuilder();
        for (String value : values) {
            children.append("<value>").append(value).append("</value>");
        }
        return in(Section.INBOUND, KEY_CHECK.formatted(ignoreCase, children));
    }

    @Test
    void aMissingHeaderGetsThePolicysStatusAndMessageAndNeverReachesTheBackend() throws Exception {
        PolicyContext context = flow(check(false), "X-Other", "1");
        assertEquals(401, context.response().status());
        assertEquals("{\"statusCode\":401,\"message\":\"Not authorized\"}", body(context.response()));
        assertEquals("check-header", context.lastError().source());
        assertEquals("HeaderNotFound", context.lastError().reason());
        assertEquals("Header X-Key was not found in the request. Access denied.", context.lastError().message());
        assertEquals("inbound", context.lastError().section());
        assertTrue(backend.calls.isEmpty());
    }

    @Test
    void withoutValuesPresenceIsEnough() throws Exception {
        PolicyContext context = flow(check(false), "x-key", "");
        assertEquals(200, context.response().status());
        assertNull(context.lastError());
        assertEquals(1, backend.calls.size());
    }

    @Test
    void anyListedValuePassesAndOthersAreRefusedWithoutRepeatingTheValue() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(check(false, "alpha", "beta"), Set.of());
        assertEquals(200, flow(pipeline, "X-Key", "beta").response().status());
        PolicyContext refused = flow(pipeline, "X-Key", "secret-guess");
        assertEquals(401, refused.response().status());
        assertEquals("HeaderValueNotAllowed", refused.lastError().reason());
        assertEquals("Header X-Key value is not allowed. Access denied.", refused.lastError().message());
        assertFalse(body(refused.response()).contains("secret-guess"));
        assertEquals(1, backend.calls.size(), "only the request with a listed value reached the backend");
    }

    @Test
    void caseMattersUnlessIgnoreCaseIsTrue() throws Exception {
        assertEquals(401, flow(check(false, "Alpha"), "X-Key", "alpha").response().status());
        assertEquals(200, flow(check(false, "Alpha"), "X-Key", "Alpha").response().status());
        assertEquals(200, flow(check(true, "Alpha"), "X-Key", "ALPHA").response().status());
        assertEquals(401, flow(check(true, "Alpha"), "X-Key", "Alph").response().status(), "case only, not prefixes");
    }

    @Test
    void everyOccurrenceOfTheHeaderMustBeAllowed() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(check(false, "alpha"), Set.of());
        assertEquals(401, flow(pipeline, "X-Key", "alpha", "X-Key", "other").response().status());
        assertEquals(200, flow(pipeline, "X-Key", "alpha", "X-Key", "alpha").response().status());
    }

    @Test
    void onErrorRunsWithTheLastErrorAndMayAnswerOtherwise() throws Exception {
        String policies = "<policies><inbound>" + KEY_CHECK.formatted("false", "<value>alpha</value>") + "</inbound>"
                + "<on-error><set-header name=\"X-Reason\" exists-action=\"override\"><value>@(context.LastError.Reason)"
                + "</value></set-header></on-error></policies>";
        PolicyContext context = flow(policies, "X-Key", "beta");
        assertEquals(401, context.response().status());
        assertEquals("HeaderValueNotAllowed", context.response().headers().first("X-Reason"));

        String answering = "<policies><inbound>" + KEY_CHECK.formatted("false", "") + "</inbound>"
                + "<on-error><return-response><set-status code=\"418\"/></return-response></on-error></policies>";
        assertEquals(418, flow(answering).response().status());
        assertTrue(backend.calls.isEmpty());
    }

    @Test
    void attributesAndValuesMayBeExpressionsAndNamedValues() throws Exception {
        String policy = "<check-header name=\"@(&quot;X-&quot; + &quot;Tenant&quot;)\" "
                + "failed-check-httpcode=\"@(400 + 3)\" failed-check-error-message=\"@(&quot;no &quot; + 1)\" "
                + "ignore-case=\"@(true)\"><value>{{tenant}}</value><value>@(&quot;t2&quot;)</value></check-header>";
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(
                List.of(new NamedValueDefinition("tenant", null, "t1", false)), List.of()),
                null, null, in(Section.INBOUND, policy), Set.of());
        assertEquals(200, flow(pipeline, "X-Tenant", "T1").response().status());
        assertEquals(200, flow(pipeline, "X-Tenant", "t2").response().status());
        PolicyContext refused = flow(pipeline, "X-Tenant", "t3");
        assertEquals(403, refused.response().status());
        assertEquals("{\"statusCode\":403,\"message\":\"no 1\"}", body(refused.response()));
    }

    @Test
    void aComputedStatusOutOfRangeFailsTheRequest() throws Exception {
        PolicyContext context = flow(in(Section.INBOUND, "<check-header name=\"X-Key\" failed-check-httpcode=\"@(99)\" "
                + "failed-check-error-message=\"m\" ignore-case=\"false\"/>"));
        assertEquals(500, context.response().status());
        assertEquals("InvalidStatusCode", context.lastError().reason());
    }

    @Test
    void mistakesAreCompileErrors() {
        String full = "name=\"X\" failed-check-httpcode=\"401\" failed-check-error-message=\"m\" ignore-case=\"false\"";
        assertTrue(compileError(in(Section.INBOUND, "<check-header failed-check-httpcode=\"401\" "
                + "failed-check-error-message=\"m\" ignore-case=\"false\"/>")).contains("attribute 'name' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header name=\"X\" failed-check-error-message=\"m\" "
                + "ignore-case=\"false\"/>")).contains("'failed-check-httpcode' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header name=\"X\" failed-check-httpcode=\"401\" "
                + "ignore-case=\"false\"/>")).contains("'failed-check-error-message' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header name=\"X\" failed-check-httpcode=\"401\" "
                + "failed-check-error-message=\"m\"/>")).contains("'ignore-case' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header " + full.replace("\"false\"", "\"maybe\"") + "/>"))
                .contains("must be true or false"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header " + full.replace("401", "99") + "/>"))
                .contains("from 200 to 599"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header " + full.replace("\"X\"", "\"X Y\"") + "/>"))
                .contains("not a valid header name"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header " + full + " header=\"1\"/>"))
                .contains("unknown attribute 'header'"));
        assertTrue(compileError(in(Section.INBOUND, "<check-header " + full + "><values/></check-header>"))
                .contains("not allowed inside <check-header>"));
        assertTrue(compileError(in(Section.OUTBOUND, "<check-header " + full + "/>")).contains("check-header"));
    }
}
