package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.expression.CompiledExpression;
import dev.breakwater.gateway.policy.expression.ExpressionEvaluationException;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.runtime.views.ExpressionFacade;

/**
 * A value that is a policy expression: evaluated per request against the request's
 * {@link ExpressionFacade}. A run-time failure is APIM's {@code ExpressionValueEvaluationFailure}:
 * the request goes to on-error with a 500.
 */
abstract class ExpressionValue<T> implements Value<T> {

    static final String EVALUATION_FAILURE = "ExpressionValueEvaluationFailure";

    private final CompiledExpression expression;
    private final String source;

    ExpressionValue(CompiledExpression expression, String source) {
        this.expression = expression;
        this.source = source;
    }

    @Override
    public final T get(PolicyContext context) throws PolicyException {
        try {
            return evaluate(expression, ExpressionFacade.of(context));
        } catch (ExpressionEvaluationException e) {
            throw new PolicyException(source, EVALUATION_FAILURE, 500, "Expression evaluation failed. " + e.getMessage());
        }
    }

    abstract T evaluate(CompiledExpression expression, ExpressionFacade context);

    @Override
    public String toString() {
        return expression.toString();
    }

    static Value<String> string(CompiledExpression expression, String source) {
        return new ExpressionValue<>(expression, source) {
            @Override
            String evaluate(CompiledExpression compiled, ExpressionFacade context) {
                return compiled.evaluateString(context);
            }
        };
    }

    static Value<Boolean> bool(CompiledExpression expression, String source) {
        return new ExpressionValue<>(expression, source) {
            @Override
            Boolean evaluate(CompiledExpression compiled, ExpressionFacade context) {
                return compiled.evaluateBool(context);
            }
        };
    }

    static Value<Integer> integer(CompiledExpression expression, String source) {
        return new ExpressionValue<>(expression, source) {
            @Override
            Integer evaluate(CompiledExpression compiled, ExpressionFacade context) {
                return compiled.evaluateInt(context);
            }
        };
    }

    static Value<Double> decimal(CompiledExpression expression, String source) {
        return new ExpressionValue<>(expression, source) {
            @Override
            Double evaluate(CompiledExpression compiled, ExpressionFacade context) {
                return compiled.evaluateDouble(context);
            }
        };
    }

    static Value<Object> object(CompiledExpression expression, String source) {
        return new ExpressionValue<>(expression, source) {
            @Override
            Object evaluate(CompiledExpression compiled, ExpressionFacade context) {
                return compiled.evaluate(context);
            }
        };
    }
}
