package dev.breakwater.gateway.policy.expression.types;

import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.TypeSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a written type into a {@link TypeSymbol}, or a compile error that names it. */
public final class TypeResolver {

    private static final Set<String> UNSIGNED = Set.of("uint", "ulong", "ushort", "sbyte", "UInt16", "UInt32",
            "UInt64", "SByte", "System.UInt16", "System.UInt32", "System.UInt64", "System.SByte");

    private final TypeNames names;

    public TypeResolver(TypeNames names) {
        this.names = names;
    }

    /** Resolves {@code syntax}; {@code typeParameters} are the generic parameters in scope (may be empty). */
    public TypeSymbol resolve(TypeSyntax syntax, Map<String, TypeParameter> typeParameters) {
        TypeSymbol t = resolveNamed(syntax, typeParameters);
        if (syntax.nullable()) {
            // In the library's signatures "T?" means Nullable<T>.
            t = t instanceof TypeParameter ? Types.NULLABLE.of(t) : Types.nullable(t);
        }
        for (int i = 0; i < syntax.arrayRank(); i++) {
            t = new ArrayType(t);
        }
        return t;
    }

    private TypeSymbol resolveNamed(TypeSyntax syntax, Map<String, TypeParameter> typeParameters) {
        String name = syntax.name();
        int arity = syntax.typeArguments().size();
        if (arity == 0 && typeParameters.containsKey(name)) {
            return typeParameters.get(name);
        }
        if (name.equals("var")) {
            throw new CompileError(syntax.position(), "'var' is not allowed here");
        }
        if (name.equals("dynamic")) {
            throw new CompileError(syntax.position(), "'dynamic' is not supported in policy expressions");
        }
        if (UNSIGNED.contains(name)) {
            throw new CompileError(syntax.position(), "'" + name + "' (unsigned and signed-byte integers) is not supported in policy expressions");
        }
        TypeDef def = names.find(name, arity);
        if (def == null) {
            throw unknownType(syntax.position(), syntax.display(), name);
        }
        if (arity == 0) {
            return def.type();
        }
        List<TypeSymbol> args = new ArrayList<>(arity);
        for (TypeSyntax a : syntax.typeArguments()) {
            args.add(resolve(a, typeParameters));
        }
        return new NamedType(def, args);
    }

    /** The error for a type name that does not resolve. */
    public CompileError unknownType(int position, String display, String name) {
        String refusal = names.refusal(name);
        if (refusal != null) {
            return new CompileError(position, "'" + display + "' " + refusal);
        }
        if (names.hasSimpleName(simpleName(name))) {
            return new CompileError(position, "'" + display + "' has the wrong number of type arguments or is not allowed in policy expressions");
        }
        if (name.contains(".")) {
            return new CompileError(position, "'" + display + "' is not allowed in policy expressions");
        }
        return new CompileError(position, "the type '" + display + "' is not allowed in policy expressions or does not exist");
    }

    private static String simpleName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
