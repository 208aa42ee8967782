package dev.breakwater.gateway.policy.expression.types;

import dev.breakwater.gateway.policy.expression.eval.Invoker;

import java.util.List;

/**
 * A library method, constructor (name {@code .ctor}) or extension method (its first parameter is the
 * receiver). {@code priority} breaks ties that C#'s overload rules leave open between declarations
 * that only this library has (higher wins).
 */
public record MethodSymbol(String name, TypeDef declaringType, boolean isStatic, boolean isExtension,
                           List<TypeParameter> typeParameters, List<ParameterSymbol> parameters,
                           TypeSymbol returnType, Invoker invoker, int priority,
                           java.util.function.Function<List<TypeSymbol>, String> typeArgumentCheck) {

    /** A method without a check of its type arguments. */
    public MethodSymbol(String name, TypeDef declaringType, boolean isStatic, boolean isExtension,
                        List<TypeParameter> typeParameters, List<ParameterSymbol> parameters,
                        TypeSymbol returnType, Invoker invoker, int priority) {
        this(name, declaringType, isStatic, isExtension, typeParameters, parameters, returnType, invoker, priority, null);
    }

    public boolean isGeneric() {
        return !typeParameters.isEmpty();
    }

    public boolean isConstructor() {
        return name.equals(".ctor");
    }

    /** As C# would print the signature, for error messages. */
    public String signature() {
        StringBuilder b = new StringBuilder();
        b.append(isConstructor() ? declaringType.displayName() : declaringType.displayName() + "." + name);
        if (!typeParameters.isEmpty()) {
            b.append('<');
            for (int i = 0; i < typeParameters.size(); i++) {
                b.append(i > 0 ? ", " : "").append(typeParameters.get(i).name());
            }
            b.append('>');
        }
        b.append('(');
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSymbol p = parameters.get(i);
            b.append(i > 0 ? ", " : "");
            if (i == 0 && isExtension) {
                b.append("this ");
            }
            if (p.refKind() != null) {
                b.append(p.refKind()).append(' ');
            }
            if (p.isParams()) {
                b.append("params ");
            }
            b.append(p.type().display()).append(' ').append(p.name());
        }
        return b.append(')').toString();
    }
}
