package dev.breakwater.gateway.policy.expression.syntax;

/**
 * A problem found while compiling an expression, at an offset of the expression text. The compiler's
 * public entry turns it into an {@code ExpressionException} that names the line in the policy document.
 */
public final class CompileError extends RuntimeException {

    private final int position;

    public CompileError(int position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    /** Offset in the expression text where the offending construct starts. */
    public int position() {
        return position;
    }
}
