package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;
import dev.breakwater.gateway.policy.expression.types.NumericKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A policy expression ready to run: immutable and thread-safe; each evaluation gets its own frame and
 * budget. Evaluation walks the compiled tree; nothing is parsed or looked up by name.
 */
public final class CompiledExpression {

    private final String text;
    private final int line;
    private final ExpectedType expected;
    private final Eval eval;
    private final String resultType;
    private final int slots;
    private final Set<ExpressionUse> uses;
    private final ExpressionLimits limits;

    CompiledExpression(String text, int line, ExpectedType expected, Eval eval, String resultType, int slots,
                       Set<ExpressionUse> uses, ExpressionLimits limits) {
        this.text = text;
        this.line = line;
        this.expected = expected;
        this.eval = eval;
        this.resultType = resultType;
        this.slots = slots;
        this.uses = uses.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(uses));
        this.limits = limits;
    }

    /**
     * Runs the expression. The result is the .NET value as a Java object (String, Integer, Long, Double,
     * Boolean, JToken, DotNetDateTime…; see the package documentation), or null.
     *
     * @throws ExpressionEvaluationException for any run-time failure, with the .NET exception type and message
     */
    public Object evaluate(ExpressionContext context) {
        Frame frame = new Frame(context, slots, limits);
        try {
            return eval.eval(frame);
        } catch (ExpressionEvaluationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw DotNetException.translate(e);
        }
    }

    /** The value as .NET's {@code ToString()} prints it; null stays null. */
    public String evaluateString(ExpressionContext context) {
        Object v = evaluate(context);
        return v == null ? null : DotNetValues.formatValue(v);
    }

    public boolean evaluateBool(ExpressionContext context) {
        Object v = evaluate(context);
        if (v instanceof Boolean b) {
            return b;
        }
        throw v == null ? DotNetException.nullReference() : DotNetException.invalidCast(RuntimeTypes.nameOf(v), "System.Boolean");
    }

    public int evaluateInt(ExpressionContext context) {
        return (Integer) Numbers.convert(number(evaluate(context), "System.Int32"), NumericKind.INT);
    }

    public long evaluateLong(ExpressionContext context) {
        return (Long) Numbers.convert(number(evaluate(context), "System.Int64"), NumericKind.LONG);
    }

    public double evaluateDouble(ExpressionContext context) {
        return (Double) Numbers.convert(number(evaluate(context), "System.Double"), NumericKind.DOUBLE);
    }

    private static Object number(Object v, String type) {
        if (v instanceof Number || v instanceof Character) {
            return v;
        }
        throw v == null ? DotNetException.nullReference() : DotNetException.invalidCast(RuntimeTypes.nameOf(v), type);
    }

    /** The parts of the request the expression reads (so the engine buffers bodies only when needed). */
    public Set<ExpressionUse> uses() {
        return uses;
    }

    /** The C# type of the result, e.g. {@code string}, {@code bool}, {@code JObject}, {@code object}. */
    public String resultType() {
        return resultType;
    }

    public ExpectedType expected() {
        return expected;
    }

    public String text() {
        return text;
    }

    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + text;
    }
}
