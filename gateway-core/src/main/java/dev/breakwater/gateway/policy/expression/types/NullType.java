package dev.breakwater.gateway.policy.expression.types;

import java.util.Map;

/** The type of the {@code null} literal: converts to any reference or nullable type. */
public final class NullType extends TypeSymbol {

    public static final NullType INSTANCE = new NullType();

    private NullType() {
    }

    @Override
    public String display() {
        return "null";
    }

    @Override
    public boolean isValueType() {
        return false;
    }

    @Override
    public TypeSymbol substitute(Map<TypeParameter, TypeSymbol> map) {
        return this;
    }

    @Override
    public boolean containsTypeParameters() {
        return false;
    }

    @Override
    public boolean isInstance(Object value) {
        return false;
    }
}
