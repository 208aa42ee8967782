package dev.breakwater.gateway.policy.expression;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test helpers: compile and run an expression against an {@link InMemoryContext}. */
final class Expressions {

    static final ExpressionCompiler COMPILER = new ExpressionCompiler();

    private Expressions() {
    }

    static CompiledExpression compile(String text) {
        try {
            return COMPILER.compile(text, ExpectedType.OBJECT, 1);
        } catch (ExpressionException e) {
            throw new AssertionError(e.getMessage() + "\n  in: " + text, e);
        }
    }

    /** The value of {@code text} (an {@code @(…)} or {@code @{…}}) in a fresh context. */
    static Object eval(String text) {
        return compile(text).evaluate(new InMemoryContext());
    }

    static Object eval(String text, InMemoryContext context) {
        return compile(text).evaluate(context);
    }

    /** The value formatted as .NET's ToString(). */
    static String str(String text) {
        return compile(text).evaluateString(new InMemoryContext());
    }

    static String str(String text, InMemoryContext context) {
        return compile(text).evaluateString(context);
    }

    /** The compile error's message. */
    static String compileError(String text) {
        return assertThrows(ExpressionException.class, () -> COMPILER.compile(text, ExpectedType.OBJECT, 1),
                () -> "expected a compile error for " + text).getMessage();
    }

    /** The run-time error. */
    static ExpressionEvaluationException runtimeError(String text, InMemoryContext context) {
        CompiledExpression e = compile(text);
        return assertThrows(ExpressionEvaluationException.class, () -> e.evaluate(context));
    }
}
