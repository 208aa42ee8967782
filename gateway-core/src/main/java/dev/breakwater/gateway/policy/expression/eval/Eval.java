package dev.breakwater.gateway.policy.expression.eval;

/** A compiled expression node: computes a value from the frame. */
@FunctionalInterface
public interface Eval {
    Object eval(Frame frame);
}
