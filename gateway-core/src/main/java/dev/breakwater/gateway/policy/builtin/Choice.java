package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.List;
import java.util.Locale;

/**
 * An attribute that takes one of a few words ({@code apply="always | content-type-json"}), as a
 * constant checked when compiled or an expression checked when it runs. Case and surrounding white
 * space do not matter.
 */
final class Choice {

    private final String policy;
    private final String attribute;
    private final Value<String> value;
    private final List<String> allowed;
    /** The word when the value is a constant, else {@code null}. */
    private final String constant;

    private Choice(String policy, String attribute, Value<String> value, List<String> allowed, String constant) {
        this.policy = policy;
        this.attribute = attribute;
        this.value = value;
        this.allowed = allowed;
        this.constant = constant;
    }

    /** A required attribute that must be one of {@code allowed}. */
    static Choice required(PolicyElement element, CompileContext context, String attribute, String... allowed)
            throws PolicyCompileException {
        Value<String> value = context.values().requiredString(element, attribute);
        List<String> words = List.of(allowed);
        String constant = null;
        if (value.isConstant()) {
            constant = match(value.constant(), words);
            if (constant == null) {
                throw new PolicyCompileException(element, problem(attribute, value.constant(), words));
            }
        }
        return new Choice(element.name(), attribute, value, words, constant);
    }

    /** The word for this request. */
    String get(PolicyContext context) throws PolicyException {
        if (constant != null) {
            return constant;
        }
        String text = value.get(context);
        String word = text == null ? null : match(text, allowed);
        if (word == null) {
            throw new PolicyException(policy, "InvalidValue", 500, problem(attribute, String.valueOf(text), allowed));
        }
        return word;
    }

    private static String match(String text, List<String> words) {
        String normalised = text.trim().toLowerCase(Locale.ROOT);
        return words.contains(normalised) ? normalised : null;
    }

    private static String problem(String attribute, String text, List<String> words) {
        return "attribute '" + attribute + "' must be " + String.join(" or ", words) + ", not '" + text + "'";
    }
}
