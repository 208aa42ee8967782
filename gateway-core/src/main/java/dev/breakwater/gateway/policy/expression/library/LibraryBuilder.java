package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.syntax.SignatureReader;
import dev.breakwater.gateway.policy.expression.syntax.TypeSyntax;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeNames;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeResolver;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects the library's types and extension methods; {@link #build} freezes them into a {@link Library}. */
final class LibraryBuilder {

    private final TypeNames names = new TypeNames();
    private final TypeResolver resolver = new TypeResolver(names);
    private final Map<String, List<MethodSymbol>> extensions = new HashMap<>();
    private final List<TypeDef> all = new ArrayList<>();
    private final Map<String, TypeBuilder> builders = new HashMap<>();

    TypeBuilder declare(TypeDef def) {
        names.register(def);
        all.add(def);
        TypeBuilder b = new TypeBuilder(this, def);
        builders.put(def.fullName() + "`" + def.typeParameters().size(), b);
        return b;
    }

    /** Declares a type; {@code typeParameters} may be written {@code "out T"} for covariance. */
    TypeBuilder declare(String namespace, String name, TypeDef.Kind kind, Class<?> runtime, String... typeParameters) {
        List<TypeParameter> params = new ArrayList<>();
        for (String p : typeParameters) {
            boolean out = p.startsWith("out ");
            params.add(new TypeParameter(out ? p.substring(4) : p, out));
        }
        return declare(new TypeDef(namespace, name, null, kind, params, runtime));
    }

    /** The builder of an already declared type, by full name and arity. */
    TypeBuilder builder(String fullName, int arity) {
        TypeBuilder b = builders.get(fullName + "`" + arity);
        if (b == null) {
            throw new IllegalStateException("not declared: " + fullName);
        }
        return b;
    }

    void refuse(String name, String reason) {
        names.refuse(name, reason);
    }

    TypeSymbol resolve(String type, Map<String, TypeParameter> scope) {
        return resolve(SignatureReader.readType(type), scope);
    }

    TypeSymbol resolve(TypeSyntax type, Map<String, TypeParameter> scope) {
        return resolver.resolve(type, scope);
    }

    void addExtension(MethodSymbol m) {
        extensions.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
    }

    Library build(TypeDef contextType) {
        TypeDef enumBase = names.find("System.Enum", 0);
        for (TypeDef d : all) {
            if (d.kind() == TypeDef.Kind.ENUM && d.supertypes().isEmpty()) {
                d.setSupertypes(List.of(enumBase.type()));
            }
        }
        for (TypeDef d : all) {
            d.freeze();
        }
        Map<String, List<MethodSymbol>> frozen = new HashMap<>();
        extensions.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Library(names, resolver, frozen, contextType);
    }
}
