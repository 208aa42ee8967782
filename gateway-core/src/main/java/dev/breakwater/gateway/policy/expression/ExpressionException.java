package dev.breakwater.gateway.policy.expression;

/**
 * An expression cannot be compiled: a syntax error, a construct outside the supported subset, an unknown
 * type or member, a type error. The message names the line in the policy document and the construct,
 * e.g. {@code line 12: 'System.IO.File' is not allowed in policy expressions}.
 */
public final class ExpressionException extends Exception {

    private final int line;

    public ExpressionException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The line of the policy document where the offending construct is. */
    public int line() {
        return line;
    }
}
