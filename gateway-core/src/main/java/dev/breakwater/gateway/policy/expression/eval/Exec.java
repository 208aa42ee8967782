package dev.breakwater.gateway.policy.expression.eval;

/**
 * A compiled statement: runs and says how it completed, so that loops and blocks need no exceptions
 * for {@code break}, {@code continue} and {@code return}.
 */
@FunctionalInterface
public interface Exec {
    int NORMAL = 0;
    int BREAK = 1;
    int CONTINUE = 2;
    /** The value is in {@link Frame#returnValue}. */
    int RETURN = 3;

    int exec(Frame frame);
}
