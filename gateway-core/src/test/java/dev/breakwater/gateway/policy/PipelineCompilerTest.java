package dev.breakwater.gateway.policy;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@code <base/>} composes global, API and operation scopes at compile time. */
class PipelineCompilerTest {

    private static String append(String value) {
        return "<set-header name=\"X-Order\" exists-action=\"append\"><value>" + value + "</value></set-header>";
    }

    private static List<String> order(Pipeline pipeline, Section section) throws PolicyException {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(pipeline, section, context);
        return section.actsOnRequest() ? context.request().headers().all("X-Order")
                : context.response().headers().all("X-Order");
    }

    @Test
    void baseInsertsTheEnclosingScopeWhereItStands() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(
                PolicyTesting.in(Section.INBOUND, append("global")),
                PolicyTesting.in(Section.INBOUND, append("api-before") + "<base/>" + append("api-after")),
                PolicyTesting.in(Section.INBOUND, append("op-before") + "<base/>" + append("op-after")),
                Set.of());
        assertEquals(List.of("op-before", "api-before", "global", "api-after", "op-after"),
                order(pipeline, Section.INBOUND));
    }

    @Test
    void leavingOutBaseDropsTheEnclosingPolicies() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.in(Section.OUTBOUND, append("global")),
                PolicyTesting.in(Section.OUTBOUND, append("api")), null, Set.of());
        assertEquals(List.of("api"), order(pipeline, Section.OUTBOUND));
    }

    @Test
    void aMissingSectionOrDocumentInherits() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.in(Section.ON_ERROR, append("global")),
                PolicyTesting.in(Section.INBOUND, ""), null, Set.of());
        assertEquals(List.of("global"), order(pipeline, Section.ON_ERROR));
    }

    @Test
    void backendForwardsByDefault() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(null, null, null, Set.of());
        assertTrue(pipeline.forwards());
        PolicyContext context = PolicyTesting.context();
        assertEquals(Outcome.CONTINUE, PolicyTesting.run(pipeline, Section.BACKEND, context));
        assertEquals(ForwardOptions.DEFAULT, context.get(ForwardOptions.KEY));
    }

    @Test
    void aBackendSectionWithoutForwardRequestDoesNotForward() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.in(Section.BACKEND, ""), Set.of());
        assertFalse(pipeline.forwards());
        PolicyContext context = PolicyTesting.context();
        assertEquals(Outcome.CONTINUE, PolicyTesting.run(pipeline, Section.BACKEND, context));
        assertNull(context.get(ForwardOptions.KEY), "nothing was forwarded");
    }

    @Test
    void nothingMayFollowForwardRequest() {
        String message = compileError(PolicyTesting.in(Section.BACKEND, "<base/>" + append("late")));
        assertTrue(message.startsWith("operation policy: <set-header> at line 1: comes after a policy that forwards"),
                message);
    }

    @Test
    void baseIsRefusedAtGlobalScopeAndTwiceInASection() {
        PolicyCompileException global = assertThrows(PolicyCompileException.class, () ->
                PolicyTesting.pipeline(PolicyTesting.in(Section.INBOUND, "<base/>"), null, null, Set.of()));
        assertTrue(global.getMessage().contains("no enclosing scope"), global.getMessage());
        assertTrue(compileError(PolicyTesting.in(Section.INBOUND, "<base/><base/>")).contains("only once"));
    }

    @Test
    void errorsSayWhichScopeTheyComeFrom() {
        PolicyCompileException error = assertThrows(PolicyCompileException.class, () -> PolicyTesting.pipeline(
                null, PolicyTesting.in(Section.INBOUND, "<nope/>"), null, Set.of()));
        assertTrue(error.getMessage().startsWith("API policy: <nope> at line 1"), error.getMessage());
    }

    @Test
    void returnResponseBeforeTheBackendMeansNoForward() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.in(Section.INBOUND, "<return-response/>"), Set.of());
        assertFalse(pipeline.forwards());
    }
}
