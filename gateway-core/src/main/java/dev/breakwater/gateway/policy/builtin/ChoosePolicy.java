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
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <choose><when condition="@(...)">policies</when>...<otherwise>policies</otherwise></choose>}:
 * runs the policies of the first {@code when} whose condition holds, else those of {@code otherwise}.
 * The branches are compiled in the section of the choose, so anything a section allows may stand in
 * them (forward-request too), and a branch that waits makes the choose wait.
 */
public final class ChoosePolicy implements Step {

    private final Value<Boolean>[] conditions;
    private final Step[][] branches;
    private final Step[] otherwise;

    private ChoosePolicy(Value<Boolean>[] conditions, Step[][] branches, Step[] otherwise) {
        this.conditions = conditions;
        this.branches = branches;
        this.otherwise = otherwise;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        for (int i = 0; i < conditions.length; i++) {
            if (Boolean.TRUE.equals(conditions[i].get(context))) {
                return Steps.run(branches[i], context);
            }
        }
        return Steps.run(otherwise, context);
    }

    /** Registered for {@code <choose>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "choose";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes();
            element.allowChildren("when", "otherwise");
            element.forbidText();
            List<Value<Boolean>> conditions = new ArrayList<>();
            List<Step[]> branches = new ArrayList<>();
            Step[] otherwise = new Step[0];
            boolean sawOtherwise = false;
            int whens = 0;
            for (PolicyElement child : element.children()) {
                if (sawOtherwise) {
                    throw new PolicyCompileException(child, "comes after <otherwise>, which must be last in <choose>");
                }
                if (child.name().equals("when")) {
                    child.allowAttributes("condition");
                    child.forbidText();
                    conditions.add(context.values().condition(child, "condition"));
                    branches.add(context.compileChildren("when[" + (++whens) + "]", child.children()));
                } else {
                    child.allowAttributes();
                    child.forbidText();
                    sawOtherwise = true;
                    otherwise = context.compileChildren("otherwise", child.children());
                }
            }
            if (conditions.isEmpty()) {
                throw new PolicyCompileException(element, "needs at least one <when>");
            }
            return new ChoosePolicy(conditions.toArray(Value[]::new), branches.toArray(Step[][]::new), otherwise);
        }
    }
}
