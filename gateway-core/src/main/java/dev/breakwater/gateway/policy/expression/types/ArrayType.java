package dev.breakwater.gateway.policy.expression.types;

import java.util.Map;
import java.util.Objects;

/** {@code T[]}. At run time {@code byte[]} is a Java {@code byte[]}; other arrays are Java object arrays. */
public final class ArrayType extends TypeSymbol {

    private final TypeSymbol element;

    public ArrayType(TypeSymbol element) {
        this.element = element;
    }

    public TypeSymbol element() {
        return element;
    }

    @Override
    public String display() {
        return element.display() + "[]";
    }

    @Override
    public boolean isValueType() {
        return false;
    }

    @Override
    public TypeSymbol substitute(Map<TypeParameter, TypeSymbol> map) {
        TypeSymbol e = element.substitute(map);
        return e == element ? this : new ArrayType(e);
    }

    @Override
    public boolean containsTypeParameters() {
        return element.containsTypeParameters();
    }

    @Override
    public boolean isInstance(Object value) {
        if (value instanceof byte[]) {
            return element.equals(Types.BYTE);
        }
        if (!(value instanceof Object[] array)) {
            return false;
        }
        Class<?> component = array.getClass().getComponentType();
        Class<?> expected = element instanceof NamedType n ? n.def().runtimeClass() : Object.class;
        return expected != null && expected.isAssignableFrom(component);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayType a && a.element.equals(element);
    }

    @Override
    public int hashCode() {
        return Objects.hash("[]", element);
    }
}
