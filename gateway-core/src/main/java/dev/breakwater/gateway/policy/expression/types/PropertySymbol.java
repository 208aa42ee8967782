package dev.breakwater.gateway.policy.expression.types;

import dev.breakwater.gateway.policy.expression.eval.Invoker;

/**
 * A property, field, constant or enum member. A constant has a value known when compiling
 * ({@code int.MaxValue}, {@code StringComparison.OrdinalIgnoreCase}) and no getter call at run time.
 *
 * @param setter null when read-only; invoked with the new value as the only argument
 */
public record PropertySymbol(String name, TypeSymbol type, boolean isStatic, Invoker getter, Invoker setter,
                             boolean isConstant, Object constantValue) {

    public PropertySymbol substitute(java.util.Map<TypeParameter, TypeSymbol> map) {
        TypeSymbol t = type.substitute(map);
        return t == type ? this : new PropertySymbol(name, t, isStatic, getter, setter, isConstant, constantValue);
    }
}
