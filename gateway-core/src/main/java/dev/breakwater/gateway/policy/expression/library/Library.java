package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeNames;
import dev.breakwater.gateway.policy.expression.types.TypeResolver;

import java.util.List;
import java.util.Map;

/**
 * The .NET types and members policy expressions may use: an immutable table built once. Anything not
 * declared here does not exist for an expression.
 */
public final class Library {

    private final TypeNames names;
    private final TypeResolver resolver;
    private final Map<String, List<MethodSymbol>> extensions;
    private final TypeDef contextType;

    Library(TypeNames names, TypeResolver resolver, Map<String, List<MethodSymbol>> extensions, TypeDef contextType) {
        this.names = names;
        this.resolver = resolver;
        this.extensions = extensions;
        this.contextType = contextType;
    }

    /** The standard library (built on first use, then shared: it never changes). */
    public static Library standard() {
        return Holder.STANDARD;
    }

    public TypeNames names() {
        return names;
    }

    public TypeResolver resolver() {
        return resolver;
    }

    /** Extension methods by name (LINQ, APIM's AsJwt…). */
    public List<MethodSymbol> extensions(String name) {
        return extensions.getOrDefault(name, List.of());
    }

    /** The type of the {@code context} variable. */
    public TypeDef contextType() {
        return contextType;
    }

    /** A library type by full name; fails when missing (for the binder's well-known types). */
    public TypeDef require(String fullName) {
        TypeDef d = names.find(fullName, 0);
        if (d == null) {
            throw new IllegalStateException("library type missing: " + fullName);
        }
        return d;
    }

    private static final class Holder {
        static final Library STANDARD = StandardLibrary.build();
    }
}
