package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.bind.Binder;
import dev.breakwater.gateway.policy.expression.library.Library;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Parser;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

/**
 * Compiles APIM policy expressions ({@code @( … )} and {@code @{ … }}) into {@link CompiledExpression}s.
 * Thread-safe and reusable: it holds only the immutable library and the limits.
 */
public final class ExpressionCompiler {

    private final Library library;
    private final ExpressionLimits limits;

    public ExpressionCompiler() {
        this(ExpressionLimits.DEFAULT);
    }

    public ExpressionCompiler(ExpressionLimits limits) {
        this.library = Library.standard();
        this.limits = limits;
    }

    /** True when {@code text}, trimmed, starts with {@code @(} or {@code @{}: APIM treats it as an expression. */
    public static boolean isExpression(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return t.startsWith("@(") || t.startsWith("@{");
    }

    /**
     * Compiles {@code text} (the expression as written, after XML decoding and named-value substitution).
     *
     * @param expected what the policy needs from the value
     * @param line     the document line where the text starts (the XML element's line), for messages
     * @throws ExpressionException naming the line and the construct when the text is not a valid expression
     */
    public CompiledExpression compile(String text, ExpectedType expected, int line) throws ExpressionException {
        try {
            Parser.Result syntax = Parser.parse(text);
            Binder.Result bound = Binder.bind(library, syntax, target(expected));
            return new CompiledExpression(text, line, expected, bound.eval(), bound.type().display(), bound.slots(),
                    bound.uses(), limits);
        } catch (CompileError e) {
            throw new ExpressionException(lineOf(text, e.position(), line), e.getMessage());
        } catch (StackOverflowError e) {
            throw new ExpressionException(line, "the expression is nested too deeply");
        } catch (RuntimeException e) {
            // A construct the compiler does not handle: refuse it (fail closed) and say so.
            throw new ExpressionException(line, "this expression uses a construct that is not supported ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static TypeSymbol target(ExpectedType expected) {
        return switch (expected) {
            case BOOL -> Types.BOOL;
            case INT -> Types.INT;
            case LONG -> Types.LONG;
            case DOUBLE -> Types.DOUBLE;
            case STRING, OBJECT -> null;
        };
    }

    /** The document line of {@code position}: the start line plus the newlines before it. */
    static int lineOf(String text, int position, int startLine) {
        int line = startLine;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
