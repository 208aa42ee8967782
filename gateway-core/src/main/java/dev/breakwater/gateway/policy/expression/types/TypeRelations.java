package dev.breakwater.gateway.policy.expression.types;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Supertypes, subtyping (with {@code out} variance and array covariance) and generic interface lookup. */
public final class TypeRelations {

    private TypeRelations() {
    }

    /** The direct supertypes of {@code t}, with type arguments filled in; every type ends at object. */
    public static List<TypeSymbol> directSupertypes(TypeSymbol t) {
        if (t instanceof ArrayType a) {
            return List.of(Types.ARRAY_OF.of(a.element()));
        }
        if (!(t instanceof NamedType n)) {
            return t instanceof NullType ? List.of() : List.of(Types.OBJECT);
        }
        if (n.def() == Types.OBJECT_DEF) {
            return List.of();
        }
        List<TypeSymbol> declared = n.def().supertypes();
        List<TypeSymbol> result = new ArrayList<>(declared.size() + 1);
        var map = n.substitution();
        for (TypeSymbol s : declared) {
            result.add(s.substitute(map));
        }
        if (result.isEmpty()) {
            result.add(Types.OBJECT);
        }
        return result;
    }

    /** {@code t} and all its supertypes, nearest first. */
    public static Set<TypeSymbol> closure(TypeSymbol t) {
        Set<TypeSymbol> seen = new LinkedHashSet<>();
        Deque<TypeSymbol> queue = new ArrayDeque<>();
        queue.add(t);
        while (!queue.isEmpty()) {
            TypeSymbol s = queue.poll();
            if (seen.add(s)) {
                queue.addAll(directSupertypes(s));
            }
        }
        return seen;
    }

    /**
     * True when a value of {@code from} is a {@code to} without any change of representation: identity,
     * implicit reference conversion or boxing.
     */
    public static boolean isSubtype(TypeSymbol from, TypeSymbol to) {
        if (from.equals(to) || Types.isObject(to) && !(from instanceof NullType) && !Types.VOID.equals(from)) {
            return true;
        }
        if (from instanceof ArrayType fa && to instanceof ArrayType ta) {
            return !fa.element().isValueType() && isSubtype(fa.element(), ta.element());
        }
        for (TypeSymbol s : closure(from)) {
            if (s.equals(to) || variantMatch(s, to)) {
                return true;
            }
        }
        return false;
    }

    /** {@code IEnumerable<string>} to {@code IEnumerable<object>}: same definition, covariant arguments. */
    private static boolean variantMatch(TypeSymbol s, TypeSymbol to) {
        if (!(s instanceof NamedType a) || !(to instanceof NamedType b) || a.def() != b.def() || a.arguments().isEmpty()) {
            return false;
        }
        List<TypeParameter> params = a.def().typeParameters();
        for (int i = 0; i < params.size(); i++) {
            TypeSymbol x = a.arguments().get(i);
            TypeSymbol y = b.arguments().get(i);
            if (x.equals(y)) {
                continue;
            }
            if (!params.get(i).covariant() || x.isValueType() || !isSubtype(x, y)) {
                return false;
            }
        }
        return true;
    }

    /** The first type in {@code t}'s closure constructed from {@code def} ({@code IEnumerable<X>}), or null. */
    public static NamedType findConstructed(TypeSymbol t, TypeDef def) {
        for (TypeSymbol s : closure(t)) {
            if (s instanceof NamedType n && n.def() == def) {
                return n;
            }
        }
        return null;
    }

    /** The element type when {@code t} is enumerable ({@code IEnumerable<X>} in its closure), else null. */
    public static TypeSymbol elementType(TypeSymbol t) {
        NamedType e = findConstructed(t, Types.IENUMERABLE);
        return e == null ? null : e.arguments().get(0);
    }
}
