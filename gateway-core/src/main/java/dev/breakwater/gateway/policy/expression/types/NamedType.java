package dev.breakwater.gateway.policy.expression.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A type by definition and type arguments: {@code string}, {@code List<int>}, {@code Nullable<DateTime>}. */
public final class NamedType extends TypeSymbol {

    private final TypeDef def;
    private final List<TypeSymbol> arguments;

    public NamedType(TypeDef def, List<TypeSymbol> arguments) {
        if (arguments.size() != def.typeParameters().size()) {
            throw new IllegalArgumentException(def.fullName() + " takes " + def.typeParameters().size() + " type arguments");
        }
        this.def = def;
        this.arguments = List.copyOf(arguments);
    }

    public TypeDef def() {
        return def;
    }

    public List<TypeSymbol> arguments() {
        return arguments;
    }

    /** Maps the definition's type parameters to this type's arguments. */
    public Map<TypeParameter, TypeSymbol> substitution() {
        Map<TypeParameter, TypeSymbol> map = new java.util.HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            map.put(def.typeParameters().get(i), arguments.get(i));
        }
        return map;
    }

    @Override
    public String display() {
        if (Types.isNullable(this)) {
            return arguments.get(0).display() + "?";
        }
        if (arguments.isEmpty()) {
            return def.displayName();
        }
        StringBuilder b = new StringBuilder(def.name()).append('<');
        for (int i = 0; i < arguments.size(); i++) {
            b.append(i > 0 ? ", " : "").append(arguments.get(i).display());
        }
        return b.append('>').toString();
    }

    @Override
    public boolean isValueType() {
        return def.kind() == TypeDef.Kind.STRUCT || def.kind() == TypeDef.Kind.ENUM;
    }

    @Override
    public TypeSymbol substitute(Map<TypeParameter, TypeSymbol> map) {
        if (arguments.isEmpty()) {
            return this;
        }
        List<TypeSymbol> replaced = new ArrayList<>(arguments.size());
        boolean changed = false;
        for (TypeSymbol a : arguments) {
            TypeSymbol r = a.substitute(map);
            changed |= r != a;
            replaced.add(r);
        }
        return changed ? new NamedType(def, replaced) : this;
    }

    @Override
    public boolean containsTypeParameters() {
        for (TypeSymbol a : arguments) {
            if (a.containsTypeParameters()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isInstance(Object value) {
        if (Types.isNullable(this)) {
            return arguments.get(0).isInstance(value);
        }
        return def.isInstance(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedType n && n.def == def && n.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(def, arguments);
    }
}
