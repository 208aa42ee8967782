package dev.breakwater.gateway.policy.expression.eval;

/**
 * An invoker that can do part of its work once, when the call is compiled, for arguments known then
 * (a regular expression's constant pattern is compiled once, not per request).
 */
public interface Specializable extends Invoker {

    /**
     * The invoker to use for this call. {@code constants[i]} is the value of argument {@code i} when it
     * is a compile-time constant, else {@link dev.breakwater.gateway.policy.expression.types.Conversions#NOT_CONSTANT}.
     */
    Invoker specialize(Object[] constants);
}
