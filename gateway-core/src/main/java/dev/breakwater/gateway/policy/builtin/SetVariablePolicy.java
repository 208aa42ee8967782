package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.expression.DotNetValues;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <set-variable name="x" value="@(...)"/>}: stores a value in {@code context.Variables} for
 * later policies. A literal value is a string; an expression's value keeps its type, which must be
 * one APIM allows in variables (checked when it runs).
 */
public final class SetVariablePolicy implements Step {

    private final String name;
    private final Value<Object> value;

    private SetVariablePolicy(String name, Value<Object> value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        Object result = value.get(context);
        if (result != null && !DotNetValues.isAllowedVariableValue(result)) {
            throw new PolicyException("set-variable", "InvalidVariableValue", 500, "the value of variable '" + name
                    + "' is of a type variables cannot hold");
        }
        context.variables().put(name, result);
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <set-variable>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "set-variable";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("name", "value");
            element.allowChildren();
            element.forbidText();
            String name = context.values().requiredLiteral(element, "name");
            Value<Object> value = context.values().object(element, "value");
            if (value == null) {
                throw new PolicyCompileException(element, "attribute 'value' is required");
            }
            return new SetVariablePolicy(name, value);
        }
    }
}
