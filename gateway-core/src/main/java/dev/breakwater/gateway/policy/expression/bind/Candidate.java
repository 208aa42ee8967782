package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.List;
import java.util.Map;

/** One overload's fit for a call: the parameter of each argument, its types after inference, or why it fails. */
final class Candidate {
    MethodSymbol method;
    /** Matched in the expanded form of a {@code params} array. */
    boolean expanded;
    int[] parameterOf;
    List<TypeSymbol> parameterTypes;
    Map<TypeParameter, TypeSymbol> typeArguments;
    List<Bound> lambdas;
    boolean usesDefaults;
    String failure;
    List<Argument> args;

    /** The type argument {@code i} converts to (the params array's element type in the expanded form). */
    TypeSymbol parameterTypeOf(int i) {
        return elementIfExpanded(parameterTypes, i);
    }

    TypeSymbol elementIfExpanded(List<TypeSymbol> declared, int argument) {
        int p = parameterOf[argument];
        TypeSymbol t = declared.get(p);
        if (expanded && p == declared.size() - 1) {
            return ((ArrayType) t).element();
        }
        return t;
    }
}
