package dev.breakwater.gateway.policy.expression.types;

import dev.breakwater.gateway.policy.expression.eval.Invoker;

import java.util.List;

/** {@code this[…]}: the getter gets the keys as arguments; the setter gets the keys then the value. */
public record IndexerSymbol(List<ParameterSymbol> parameters, TypeSymbol type, Invoker getter, Invoker setter) {

    public IndexerSymbol substitute(java.util.Map<TypeParameter, TypeSymbol> map) {
        return new IndexerSymbol(parameters.stream().map(p -> p.substitute(map)).toList(), type.substitute(map),
                getter, setter);
    }
}
