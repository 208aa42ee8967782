package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.types.IndexerSymbol;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
import dev.breakwater.gateway.policy.expression.types.PropertySymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeRelations;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Member lookup through a type and its supertypes, with the generic arguments filled in; a member of
 * a nearer type hides one of a farther type with the same parameters.
 */
final class Members {

    /** A property found on {@code owner}. */
    record PropertyHit(PropertySymbol property, TypeDef owner) { }

    private Members() {
    }

    static PropertyHit property(TypeSymbol t, String name, boolean wantStatic) {
        for (TypeSymbol s : TypeRelations.closure(t)) {
            if (s instanceof NamedType n) {
                PropertySymbol p = n.def().members().property(name);
                if (p != null && p.isStatic() == wantStatic) {
                    return new PropertyHit(p.substitute(n.substitution()), n.def());
                }
            }
        }
        return null;
    }

    static List<MethodSymbol> methods(TypeSymbol t, String name, boolean wantStatic) {
        List<MethodSymbol> found = new ArrayList<>();
        for (TypeSymbol s : TypeRelations.closure(t)) {
            if (!(s instanceof NamedType n)) {
                continue;
            }
            for (MethodSymbol m : n.def().members().methods(name)) {
                if (m.isStatic() != wantStatic) {
                    continue;
                }
                MethodSymbol sub = substitute(m, n.substitution());
                if (found.stream().noneMatch(f -> sameParameters(f, sub))) {
                    found.add(sub);
                }
            }
        }
        return found;
    }

    static List<IndexerSymbol> indexers(TypeSymbol t) {
        List<IndexerSymbol> found = new ArrayList<>();
        for (TypeSymbol s : TypeRelations.closure(t)) {
            if (s instanceof NamedType n) {
                for (IndexerSymbol i : n.def().members().indexers()) {
                    IndexerSymbol sub = i.substitute(n.substitution());
                    if (found.stream().noneMatch(f -> f.parameters().equals(sub.parameters()))) {
                        found.add(sub);
                    }
                }
            }
        }
        return found;
    }

    static List<MethodSymbol> constructors(NamedType t) {
        List<MethodSymbol> result = new ArrayList<>();
        for (MethodSymbol m : t.def().members().constructors()) {
            result.add(substitute(m, t.substitution()));
        }
        return result;
    }

    /** True when {@code t} has any member called {@code name} (to tell "not a member" from "wrong use"). */
    static boolean hasMember(TypeSymbol t, String name) {
        for (TypeSymbol s : TypeRelations.closure(t)) {
            if (s instanceof NamedType n && n.def().members().hasMember(name)) {
                return true;
            }
        }
        return false;
    }

    static MethodSymbol substitute(MethodSymbol m, Map<TypeParameter, TypeSymbol> map) {
        if (map.isEmpty()) {
            return m;
        }
        List<ParameterSymbol> params = new ArrayList<>();
        for (ParameterSymbol p : m.parameters()) {
            params.add(p.substitute(map));
        }
        return new MethodSymbol(m.name(), m.declaringType(), m.isStatic(), m.isExtension(), m.typeParameters(), params,
                m.returnType().substitute(map), m.invoker(), m.priority(), m.typeArgumentCheck());
    }

    private static boolean sameParameters(MethodSymbol a, MethodSymbol b) {
        if (a.parameters().size() != b.parameters().size() || a.typeParameters().size() != b.typeParameters().size()) {
            return false;
        }
        for (int i = 0; i < a.parameters().size(); i++) {
            if (!a.parameters().get(i).type().equals(b.parameters().get(i).type())
                    && !(a.parameters().get(i).type() instanceof TypeParameter)) {
                return false;
            }
        }
        return true;
    }

    static CompileError notAMember(int position, String name, TypeSymbol type) {
        return new CompileError(position,
                "'" + name + "' is not a member of " + type.display());
    }

    /** How a type reads in "not a member of" messages. */
    static String describe(TypeSymbol t) {
        return Types.isNullable(t) ? t.display() : t.display();
    }
}
