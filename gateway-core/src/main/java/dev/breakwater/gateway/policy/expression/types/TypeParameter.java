package dev.breakwater.gateway.policy.expression.types;

import java.util.Map;

/** A type parameter of a generic type or method ({@code T}, {@code TSource}); equal only to itself. */
public final class TypeParameter extends TypeSymbol {

    private final String name;
    private final boolean covariant;

    public TypeParameter(String name, boolean covariant) {
        this.name = name;
        this.covariant = covariant;
    }

    public String name() {
        return name;
    }

    /** {@code out T}: {@code IEnumerable<string>} converts to {@code IEnumerable<object>}. */
    public boolean covariant() {
        return covariant;
    }

    @Override
    public String display() {
        return name;
    }

    @Override
    public boolean isValueType() {
        return false;
    }

    @Override
    public TypeSymbol substitute(Map<TypeParameter, TypeSymbol> map) {
        TypeSymbol t = map.get(this);
        return t == null ? this : t;
    }

    @Override
    public boolean containsTypeParameters() {
        return true;
    }

    @Override
    public boolean isInstance(Object value) {
        return true;
    }
}
