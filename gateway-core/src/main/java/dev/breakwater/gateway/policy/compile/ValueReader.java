package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.expression.CompiledExpression;
import dev.breakwater.gateway.policy.expression.ExpectedType;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import dev.breakwater.gateway.policy.expression.ExpressionException;
import dev.breakwater.gateway.policy.expression.ExpressionUse;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.function.Consumer;

/**
 * Reads the values of policy elements as APIM does: named values ({@code {{name}}}) substituted
 * first, then a value that starts with {@code @(} or {@code @{} compiled as a policy expression of
 * the type the policy needs, anything else a constant. Errors name the element, the line and the
 * attribute. An expression that reads a body adds that trait to the element.
 */
public final class ValueReader {

    private final CompileEnvironment environment;
    private final Consumer<Trait> traits;
    private final String policy;

    /** @param policy the policy element whose values these are: the source of their run-time errors */
    ValueReader(CompileEnvironment environment, Consumer<Trait> traits, String policy) {
        this.environment = environment;
        this.traits = traits;
        this.policy = policy;
    }

    /** A text attribute, or {@code null} when absent. */
    public Value<String> string(PolicyElement element, String attribute) throws PolicyCompileException {
        String raw = element.attribute(attribute);
        if (raw == null) {
            return null;
        }
        String text = substitute(element, raw, "attribute '" + attribute + "'");
        if (!ExpressionCompiler.isExpression(text)) {
            return Value.of(text);
        }
        return ExpressionValue.string(compile(element, text, ExpectedType.STRING, "attribute '" + attribute + "'"),
                policy);
    }

    /** A text attribute that must be present and, when constant, not blank. */
    public Value<String> requiredString(PolicyElement element, String attribute) throws PolicyCompileException {
        Value<String> value = string(element, attribute);
        if (value == null || (value.isConstant() && value.constant().isBlank())) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' is required");
        }
        return value;
    }

    /** The element's text as a value: a constant, or one expression filling the whole text. */
    public Value<String> text(PolicyElement element) throws PolicyCompileException {
        String text = substitute(element, element.rawText(), "text");
        if (!ExpressionCompiler.isExpression(text)) {
            return Value.of(text);
        }
        return ExpressionValue.string(compile(element, text, ExpectedType.STRING, "text"), policy);
    }

    /**
     * A template's text (Liquid) with named values substituted; a {@code {{...}}} that names no
     * named value is left for the template, which uses the same braces.
     */
    public String templateText(PolicyElement element, String text) throws PolicyCompileException {
        return environment.namedValues().substitute(text, element, "text", true);
    }

    /** Text that is not a value (inline XML content): named values substituted, nothing compiled. */
    public String substituted(PolicyElement element, String text, String what) throws PolicyCompileException {
        return substitute(element, text, what);
    }

    /** A value of any type (set-variable): a constant string or the expression's value as it is. */
    public Value<Object> object(PolicyElement element, String attribute) throws PolicyCompileException {
        String raw = element.attribute(attribute);
        if (raw == null) {
            return null;
        }
        String text = substitute(element, raw, "attribute '" + attribute + "'");
        if (!ExpressionCompiler.isExpression(text)) {
            return Value.of(text);
        }
        return ExpressionValue.object(compile(element, text, ExpectedType.OBJECT, "attribute '" + attribute + "'"),
                policy);
    }

    /** A true/false attribute, or an expression of type bool. */
    public Value<Boolean> bool(PolicyElement element, String attribute, boolean defaultValue)
            throws PolicyCompileException {
        String raw = element.attribute(attribute);
        if (raw == null) {
            return Value.of(defaultValue);
        }
        String text = substitute(element, raw, "attribute '" + attribute + "'").trim();
        if (ExpressionCompiler.isExpression(text)) {
            return ExpressionValue.bool(compile(element, text, ExpectedType.BOOL, "attribute '" + attribute + "'"),
                    policy);
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Value.of(true);
            case "false" -> Value.of(false);
            default -> throw new PolicyCompileException(element,
                    "attribute '" + attribute + "' must be true or false, not '" + text + "'");
        };
    }

    /** A whole-number attribute in a range, or an expression of type int (its range checked by the policy). */
    public Value<Integer> integer(PolicyElement element, String attribute, int defaultValue, int min, int max)
            throws PolicyCompileException {
        String raw = element.attribute(attribute);
        if (raw == null) {
            return Value.of(defaultValue);
        }
        String text = substitute(element, raw, "attribute '" + attribute + "'").trim();
        if (ExpressionCompiler.isExpression(text)) {
            return ExpressionValue.integer(compile(element, text, ExpectedType.INT, "attribute '" + attribute + "'"),
                    policy);
        }
        try {
            int parsed = Integer.parseInt(text);
            if (parsed >= min && parsed <= max) {
                return Value.of(parsed);
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed range
        }
        throw new PolicyCompileException(element, "attribute '" + attribute + "' must be a whole number from "
                + min + " to " + max + ", not '" + text + "'");
    }

    /**
     * A number attribute (.NET's double, invariant culture), or an expression of type double (an
     * integer converts); a constant must be finite. {@code null} when absent.
     */
    public Value<Double> decimal(PolicyElement element, String attribute) throws PolicyCompileException {
        String raw = element.attribute(attribute);
        if (raw == null) {
            return null;
        }
        String text = substitute(element, raw, "attribute '" + attribute + "'").trim();
        if (ExpressionCompiler.isExpression(text)) {
            return ExpressionValue.decimal(compile(element, text, ExpectedType.DOUBLE, "attribute '" + attribute + "'"),
                    policy);
        }
        try {
            if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                double parsed = Double.parseDouble(text);
                if (Double.isFinite(parsed)) {
                    return Value.of(parsed);
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new PolicyCompileException(element, "attribute '" + attribute + "' must be a number such as 1 or 2.5, not '"
                + text + "'");
    }

    /** A condition: an expression of type bool (or a literal true/false). */
    public Value<Boolean> condition(PolicyElement element, String attribute) throws PolicyCompileException {
        if (element.attribute(attribute) == null) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' is required");
        }
        return bool(element, attribute, false);
    }

    /**
     * An attribute that takes no expression (an element name, a mode): named values substituted,
     * {@code null} when absent.
     */
    public String literal(PolicyElement element, String attribute) throws PolicyCompileException {
        String raw = element.attribute(attribute);
        if (raw == null) {
            return null;
        }
        String text = substitute(element, raw, "attribute '" + attribute + "'");
        if (ExpressionCompiler.isExpression(text)) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' does not take a policy expression");
        }
        return text;
    }

    /** A literal attribute that must be present and not blank. */
    public String requiredLiteral(PolicyElement element, String attribute) throws PolicyCompileException {
        String value = literal(element, attribute);
        if (value == null || value.isBlank()) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' is required");
        }
        return value;
    }

    private String substitute(PolicyElement element, String raw, String what) throws PolicyCompileException {
        return environment.namedValues().substitute(raw, element, what, false);
    }

    private CompiledExpression compile(PolicyElement element, String text, ExpectedType type, String what)
            throws PolicyCompileException {
        try {
            CompiledExpression expression = environment.expressions().compile(text, type, element.line());
            if (expression.uses().contains(ExpressionUse.REQUEST_BODY)) {
                traits.accept(Trait.READS_REQUEST_BODY);
            }
            if (expression.uses().contains(ExpressionUse.RESPONSE_BODY)) {
                traits.accept(Trait.READS_RESPONSE_BODY);
            }
            return expression;
        } catch (ExpressionException e) {
            throw new PolicyCompileException(element, what + ": " + environment.namedValues().scrub(e.getMessage()));
        }
    }
}
