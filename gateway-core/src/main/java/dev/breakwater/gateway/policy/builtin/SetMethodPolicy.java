package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** {@code <set-method>POST</set-method>}: changes the method of the backend request; may be an expression. */
public final class SetMethodPolicy implements Step {

    private final Value<String> method;

    private SetMethodPolicy(Value<String> method) {
        this.method = method;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String value = method.get(context);
        String problem = value == null ? "the method is empty" : HttpSyntax.methodProblem(value.trim());
        if (problem != null) {
            throw new PolicyException("set-method", "InvalidMethod", 500, problem);
        }
        context.request().setMethod(value.trim().toUpperCase(Locale.ROOT));
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <set-method>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "set-method";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND, Section.ON_ERROR);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes();
            element.allowChildren();
            Value<String> method = context.values().text(element);
            if (method.isConstant()) {
                String problem = HttpSyntax.methodProblem(method.constant().trim());
                if (problem != null) {
                    throw new PolicyCompileException(element, problem);
                }
                method = Value.of(method.constant().trim().toUpperCase(Locale.ROOT));
            }
            return new SetMethodPolicy(method);
        }
    }
}
