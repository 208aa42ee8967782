package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;

/** The attributes rate-limit-by-key and quota-by-key share, read the same way for both. */
final class LimitAttributes {

    private LimitAttributes() {
    }

    static Value<String> counterKey(PolicyElement element, CompileContext context) throws PolicyCompileException {
        return context.values().requiredString(element, "counter-key");
    }

    /** increment-condition: absent means every allowed call counts. */
    static Value<Boolean> condition(PolicyElement element, CompileContext context) throws PolicyCompileException {
        return element.attribute("increment-condition") == null ? null
                : context.values().condition(element, "increment-condition");
    }

    static Value<Integer> incrementCount(PolicyElement element, CompileContext context) throws PolicyCompileException {
        return context.values().integer(element, "increment-count", 1, 0, Integer.MAX_VALUE);
    }

    /** A required whole-number attribute (a constant or an expression). */
    static Value<Integer> required(PolicyElement element, CompileContext context, String attribute, int min, int max)
            throws PolicyCompileException {
        if (element.attribute(attribute) == null) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' is required");
        }
        return context.values().integer(element, attribute, 0, min, max);
    }

    /** A response header name (no expression), checked as an HTTP token; {@code fallback} when absent. */
    static String headerName(PolicyElement element, CompileContext context, String attribute, String fallback)
            throws PolicyCompileException {
        String name = context.values().literal(element, attribute);
        if (name == null) {
            return fallback;
        }
        String problem = HttpSyntax.headerNameProblem(name.trim());
        if (problem != null) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "': " + problem);
        }
        return name.trim();
    }

    /** A variable name (no expression), or {@code null}. */
    static String variableName(PolicyElement element, CompileContext context, String attribute)
            throws PolicyCompileException {
        String name = context.values().literal(element, attribute);
        if (name != null && name.isBlank()) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' must not be empty");
        }
        return name == null ? null : name.trim();
    }
}
