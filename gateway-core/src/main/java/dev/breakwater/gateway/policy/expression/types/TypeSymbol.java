package dev.breakwater.gateway.policy.expression.types;

import java.util.Map;

/**
 * A .NET type as the binder sees it: a named (possibly constructed generic) type, an array, a type
 * parameter, or the type of the {@code null} literal.
 */
public abstract class TypeSymbol {

    /** As C# would print it: {@code int}, {@code List<string>}, {@code JObject}, {@code string[]}. */
    public abstract String display();

    public abstract boolean isValueType();

    /** The type with type parameters replaced per {@code map}. */
    public abstract TypeSymbol substitute(Map<TypeParameter, TypeSymbol> map);

    public abstract boolean containsTypeParameters();

    /** True when a run-time value may be null: reference types and {@code Nullable<T>}. */
    public boolean acceptsNull() {
        return !isValueType() || Types.isNullable(this);
    }

    /** True when {@code value} (non-null) is an instance of this type at run time. */
    public abstract boolean isInstance(Object value);

    @Override
    public String toString() {
        return display();
    }
}
