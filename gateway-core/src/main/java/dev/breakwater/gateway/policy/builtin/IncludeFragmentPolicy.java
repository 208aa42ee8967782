package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <include-fragment fragment-id="id"/>}: the fragment's policies, compiled in place with the
 * rules of the section that includes them (so a fragment with forward-request belongs in backend).
 */
public final class IncludeFragmentPolicy implements Step {

    private final Step[] steps;

    private IncludeFragmentPolicy(Step[] steps) {
        this.steps = steps;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        return Steps.run(steps, context);
    }

    /** Registered for {@code <include-fragment>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "include-fragment";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("fragment-id");
            element.allowChildren();
            element.forbidText();
            String id = context.values().requiredLiteral(element, "fragment-id");
            return new IncludeFragmentPolicy(context.compileFragment(id, element));
        }
    }
}
