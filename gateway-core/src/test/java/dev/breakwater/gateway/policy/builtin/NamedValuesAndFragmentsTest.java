package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileEnvironment;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.ScopeCompiler;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {{named values}} where APIM substitutes them, and include-fragment. */
class NamedValuesAndFragmentsTest {

    private static final List<NamedValueDefinition> VALUES = List.of(
            new NamedValueDefinition("hdr", "header-name", "X-From-Named", false),
            new NamedValueDefinition("greeting", null, "hello", false),
            new NamedValueDefinition("key", "api-key", "s3cr3t-v4lue", true));

    private static Pipeline pipeline(String policy, List<FragmentDefinition> fragments) throws PolicyCompileException {
        CompileEnvironment environment = PolicyTesting.environment(VALUES, fragments);
        return PolicyTesting.pipeline(environment, null, null, policy, Set.of());
    }

    private static PolicyContext inbound(String elements, List<FragmentDefinition> fragments) throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(pipeline(in(Section.INBOUND, elements), fragments), Section.INBOUND, context);
        return context;
    }

    @Test
    void namedValuesAreSubstitutedInAttributesTextAndExpressions() throws Exception {
        PolicyContext context = inbound("<set-header name=\"{{header-name}}\"><value>{{greeting}} world</value></set-header>"
                + "<set-header name=\"X-Expr\"><value>@(\"{{ greeting }}\".ToUpper())</value></set-header>"
                + "<set-header name=\"X-Key\"><value>{{api-key}}</value></set-header>", List.of());
        assertEquals("hello world", context.request().headers().first("X-From-Named"));
        assertEquals("HELLO", context.request().headers().first("X-Expr"));
        assertEquals("s3cr3t-v4lue", context.request().headers().first("X-Key"));
    }

    @Test
    void anUnknownNameRefusesTheDocument() {
        PolicyCompileException error = assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND,
                "<set-header name=\"X\"><value>{{nope}}</value></set-header>"), List.of()));
        assertTrue(error.getMessage().contains("refers to the named value 'nope', which does not exist; named values: "
                + "api-key, greeting, header-name"), error.getMessage());
    }

    @Test
    void aSecretNeverAppearsInAMessage() {
        PolicyCompileException error = assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND,
                "<set-header name=\"X\"><value>@(\"{{api-key}}\" +)</value></set-header>"), List.of()));
        assertFalse(error.getMessage().contains("s3cr3t-v4lue"), error.getMessage());
        PolicyCompileException header = assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND,
                "<set-header name=\"{{api-key}} x\"><value>1</value></set-header>"), List.of()));
        assertTrue(header.getMessage().contains("'{{api-key}} x' is not a valid header name"), header.getMessage());
    }

    @Test
    void aFragmentIsCompiledInPlaceWithTheRulesOfItsSection() throws Exception {
        List<FragmentDefinition> fragments = List.of(new FragmentDefinition("tag", null,
                "<fragment><set-header name=\"X-Tag\"><value>{{greeting}}</value></set-header>"
                        + "<include-fragment fragment-id=\"inner\"/></fragment>"),
                new FragmentDefinition("inner", null, "<fragment><set-header name=\"X-Inner\"><value>1</value>"
                        + "</set-header></fragment>"));
        PolicyContext context = inbound("<include-fragment fragment-id=\"tag\"/>", fragments);
        assertEquals("hello", context.request().headers().first("X-Tag"));
        assertEquals("1", context.request().headers().first("X-Inner"));
        PolicyCompileException misplaced = assertThrows(PolicyCompileException.class, () -> pipeline(
                in(Section.INBOUND, "<include-fragment fragment-id=\"fwd\"/>"),
                List.of(new FragmentDefinition("fwd", null, "<fragment>\n<forward-request/></fragment>"))));
        assertTrue(misplaced.getMessage().contains("fragment 'fwd': <forward-request> at line 2: not allowed in <inbound>"),
                misplaced.getMessage());
    }

    @Test
    void fragmentMistakesAreNamed() {
        assertTrue(assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND,
                "<include-fragment fragment-id=\"none\"/>"), List.of())).getMessage()
                .contains("there is no fragment 'none'"));
        PolicyCompileException loop = assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND,
                "<include-fragment fragment-id=\"a\"/>"), List.of(
                new FragmentDefinition("a", null, "<fragment><include-fragment fragment-id=\"b\"/></fragment>"),
                new FragmentDefinition("b", null, "<fragment><include-fragment fragment-id=\"a\"/></fragment>"))));
        assertTrue(loop.getMessage().contains("fragment 'a' includes itself (through a -> b -> a)"), loop.getMessage());
        PolicyCompileException root = assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND,
                "<include-fragment fragment-id=\"x\"/>"), List.of(new FragmentDefinition("x", null, "<policies/>"))));
        assertTrue(root.getMessage().contains("the root element must be <fragment>"), root.getMessage());
        for (String inside : List.of("<base/>", "<inbound/>")) {
            PolicyCompileException error = assertThrows(PolicyCompileException.class, () -> pipeline(in(Section.INBOUND,
                    "<include-fragment fragment-id=\"x\"/>"), List.of(new FragmentDefinition("x", null,
                    "<fragment>" + inside + "</fragment>"))));
            assertTrue(error.getMessage().contains("fragment 'x': " + inside.replace("/", "")
                    + " at line 1: " + (inside.equals("<base/>") ? "<base/> stands only" : "a section stands only")),
                    error.getMessage());
        }
    }

    @Test
    void aFragmentNothingIncludesIsStillChecked() {
        CompileEnvironment environment = PolicyTesting.environment(VALUES, List.of(
                new FragmentDefinition("broken", null, "<fragment><set-heder/></fragment>")));
        PolicyCompileException error = assertThrows(PolicyCompileException.class,
                () -> new ScopeCompiler(environment).checkFragment("broken"));
        assertTrue(error.getMessage().contains("fragment 'broken': <set-heder> at line 1"), error.getMessage());
    }
}
